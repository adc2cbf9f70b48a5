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

    public async Task<int> ApplyBatchAsync(DateTime cutoffUtc, int batchSize, CancellationToken cancellationToken)
    {
        var ended = db.Conversations.Where(c => c.EndedAtUtc != null && c.EndedAtUtc < cutoffUtc).Select(c => c.Id);
        var activities = await db.Activities.Where(a => ended.Contains(a.ConversationId))
            .OrderBy(a => a.Id).Select(a => a.Id).Take(batchSize).ToListAsync(cancellationToken);
        var deleted = activities.Count == 0 ? 0 : await db.Activities.Where(a => activities.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
        if (deleted >= batchSize)
        {
            return deleted;
        }

        var files = await db.Files.Where(f => ended.Contains(f.ConversationId))
            .OrderBy(f => f.Id).Select(f => f.Id).Take(batchSize - deleted).ToListAsync(cancellationToken);
        return deleted + (files.Count == 0 ? 0 : await db.Files.Where(f => files.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken));
    }
}
