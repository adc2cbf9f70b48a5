using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Ranking.Judgements;

/// <summary>Freezes the judgements for a training run, and reads a frozen set back, checking its hash.</summary>
internal static class JudgementSnapshots
{
    /// <summary>Stores a snapshot of every judgement stored so far.</summary>
    public static async Task<JudgementSnapshot> TakeAsync(FaqDbContext db, Guid? userId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var judgements = await db.RankingJudgements.AsNoTracking().OrderBy(j => j.Id).ToListAsync(cancellationToken);
        var maxId = judgements.Count == 0 ? 0 : judgements[^1].Id;
        var snapshot = new JudgementSnapshot(maxId, judgements.Count, JudgementHash.Compute(judgements), userId, nowUtc);
        db.JudgementSnapshots.Add(snapshot);
        await db.SaveChangesAsync(cancellationToken);
        return snapshot;
    }

    /// <summary>The judgements of <paramref name="snapshot"/>, in id order.</summary>
    /// <exception cref="InvalidDataException">They no longer hash to the snapshot's hash (rows were changed or deleted).</exception>
    public static async Task<List<RankingJudgement>> ReadAsync(FaqDbContext db, JudgementSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(snapshot);
        var judgements = await db.RankingJudgements.AsNoTracking()
            .Where(j => j.Id <= snapshot.MaxJudgementId).OrderBy(j => j.Id).ToListAsync(cancellationToken);
        var hash = JudgementHash.Compute(judgements);
        if (!string.Equals(hash, snapshot.ContentHash, StringComparison.Ordinal))
            throw new InvalidDataException($"Judgement snapshot {snapshot.Id} no longer matches its hash: judgements up to id {snapshot.MaxJudgementId} were changed.");
        return judgements;
    }
}
