using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Ranking.Judgements;
using ConversationHub.Faq.Search.Misses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Faq.Ranking.Review;

/// <summary>
/// Points a missed search's query at an existing FAQ: an editor mapping judgement (the ranker learns that the query
/// should find it) and the query's misses marked handled, committed together.
/// </summary>
internal sealed partial class MapMissToFaq(FaqDbContext db, TimeProvider time, ILogger<MapMissToFaq> logger)
{
    /// <param name="missId">Any miss of the query (the queue gives the oldest).</param>
    public async Task<ReviewOutcome> ExecuteAsync(long missId, Guid faqId, int grade, Guid? editorId, CancellationToken cancellationToken)
    {
        if (grade is < 1 or > RankingJudgement.MaxGrade)
            return ReviewOutcome.Invalid("grade", $"The grade must be 1 (relevant) or {RankingJudgement.MaxGrade} (answers the query).");
        if (!await db.Faqs.AnyAsync(f => f.Id == faqId, cancellationToken))
            return ReviewOutcome.Invalid("faqId", "No FAQ has this id.");
        var miss = await db.SearchMisses.AsNoTracking().FirstOrDefaultAsync(m => m.Id == missId, cancellationToken);
        if (miss is null)
            return ReviewOutcome.NotFound;
        if (miss.HandledAtUtc is not null)
            return ReviewOutcome.AlreadyDecided;
        if (miss.MaskedQuery.Replace(SearchQueryMasker.Mask, "", StringComparison.Ordinal).Trim().Length == 0)
            return ReviewOutcome.Invalid("query", "The query holds nothing but personal data; it cannot teach the ranker.");

        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(ct => MapInTransactionAsync(miss.MaskedQuery, faqId, grade, editorId, ct), cancellationToken);
        if (outcome.Kind == ReviewOutcomeKind.Done)
            Log.Mapped(logger, missId, outcome.Rows, faqId, grade, editorId);
        return outcome;
    }

    private async Task<ReviewOutcome> MapInTransactionAsync(string query, Guid faqId, int grade, Guid? editorId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var claimed = await SearchMissClaim.ClaimAsync(db, query, faqId, editorId, now, cancellationToken);
        if (claimed == 0)
            return ReviewOutcome.AlreadyDecided;

        // The miss's query was masked when it was logged; the judgement keeps it so (and encrypts it).
        db.RankingJudgements.Add(new RankingJudgement(JudgementSource.EditorMapping, query, faqId, grade, null, editorId, null, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ReviewOutcome.Done(1, claimed, faqId);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2462, Level = LogLevel.Information, Message = "Review: search miss {MissId} ({Rows} misses) mapped to FAQ {FaqId} at grade {Grade} by user {EditorId}")]
        public static partial void Mapped(ILogger logger, long missId, int rows, Guid faqId, int grade, Guid? editorId);
    }
}
