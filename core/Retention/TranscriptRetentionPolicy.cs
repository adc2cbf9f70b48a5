using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Core.Retention;

/// <summary>
/// Deletes the transcript activities and files of conversations ended before the cutoff. The conversation row and the
/// contact events (no personal data) stay, so reports keep their figures.
/// </summary>
internal sealed class TranscriptRetentionPolicy(HubDbContext db) : IRetentionPolicy
{
    public string Kind => RetentionKinds.Transcripts;

    public Task<int> ApplyBatchAsync(DateTime cutoffUtc, int batchSize, CancellationToken cancellationToken) =>
        RetentionBatch.InTurnAsync(batchSize,
            async max =>
            {
                var ids = await ExpiredActivities(cutoffUtc).OrderBy(a => a.Id).Select(a => a.Id).Take(max).ToListAsync(cancellationToken);
                return ids.Count == 0 ? 0 : await db.Activities.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
            },
            async max =>
            {
                var ids = await ExpiredFiles(cutoffUtc).OrderBy(f => f.Id).Select(f => f.Id).Take(max).ToListAsync(cancellationToken);
                return ids.Count == 0 ? 0 : await db.Files.Where(f => ids.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);
            });

    public async Task<long> CountExpiredAsync(DateTime cutoffUtc, CancellationToken cancellationToken) =>
        await ExpiredActivities(cutoffUtc).LongCountAsync(cancellationToken) + await ExpiredFiles(cutoffUtc).LongCountAsync(cancellationToken);

    private IQueryable<Guid> Ended(DateTime cutoffUtc) => db.Conversations.Where(c => c.EndedAtUtc != null && c.EndedAtUtc < cutoffUtc).Select(c => c.Id);

    private IQueryable<Conversations.Domain.TranscriptActivity> ExpiredActivities(DateTime cutoffUtc) =>
        db.Activities.Where(a => Ended(cutoffUtc).Contains(a.ConversationId));

    private IQueryable<Conversations.Domain.ConversationFile> ExpiredFiles(DateTime cutoffUtc) =>
        db.Files.Where(f => Ended(cutoffUtc).Contains(f.ConversationId));
}
