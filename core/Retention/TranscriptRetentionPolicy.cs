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

    public Task<int> ApplyBatchAsync(DateTime cutoffUtc, int batchSize, CancellationToken cancellationToken)
    {
        var ended = db.Conversations.Where(c => c.EndedAtUtc != null && c.EndedAtUtc < cutoffUtc).Select(c => c.Id);
        return RetentionBatch.InTurnAsync(batchSize,
            async max =>
            {
                var ids = await db.Activities.Where(a => ended.Contains(a.ConversationId)).OrderBy(a => a.Id).Select(a => a.Id).Take(max).ToListAsync(cancellationToken);
                return ids.Count == 0 ? 0 : await db.Activities.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
            },
            async max =>
            {
                var ids = await db.Files.Where(f => ended.Contains(f.ConversationId)).OrderBy(f => f.Id).Select(f => f.Id).Take(max).ToListAsync(cancellationToken);
                return ids.Count == 0 ? 0 : await db.Files.Where(f => ids.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);
            });
    }
}
