using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Ranking.Judgements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Faq.Ranking.Review;

/// <summary>
/// Records an editor's decision on candidate groups: one <see cref="JudgementSource.EditorMapping"/> row per
/// candidate row, pointing at it (<see cref="RankingJudgement.ReviewOfId"/>). Per row rather than per group because
/// <see cref="JudgementLabels"/> drops exactly the reviewed rows and the queue shows a row until it is reviewed:
/// a decision naming only the group's first row would leave the others counting as citizens' evidence and waiting.
/// A reassignment also writes one editor mapping of the query to the other FAQ. Everything of one call is saved
/// together; the unique index on <c>ReviewOfId</c> makes a second editor's concurrent decision fail as a whole.
/// </summary>
internal sealed partial class DecideCandidates(FaqDbContext db, ReviewQueue queue, TimeProvider time, ILogger<DecideCandidates> logger)
{
    /// <summary>The most groups one call decides (a bulk decision on a long queue is made in several steps).</summary>
    public const int MaxGroups = 1000;

    /// <param name="groupIds">Groups, each named by one of its waiting rows (the queue gives the oldest).</param>
    /// <param name="upToId">Rows newer than this (arrived after the editor's view) are left waiting; null: all.</param>
    public async Task<ReviewOutcome> ExecuteAsync(
        IReadOnlyCollection<long> groupIds, ReviewDecision decision, long? upToId, Guid? editorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        ArgumentNullException.ThrowIfNull(decision);
        if (groupIds.Count is 0 or > MaxGroups)
            return ReviewOutcome.Invalid("groupIds", $"Name from 1 to {MaxGroups} candidate groups.");
        if (decision.Grade is < 0 or > RankingJudgement.MaxGrade || (decision.ReassignToFaqId is not null && decision.Grade == 0))
            return ReviewOutcome.Invalid("grade", decision.ReassignToFaqId is null
                ? $"The grade must be 0 (reject), 1 (relevant) or {RankingJudgement.MaxGrade} (answers the query)."
                : $"The grade for the other FAQ must be 1 (relevant) or {RankingJudgement.MaxGrade} (answers the query).");
        if (decision.ReassignToFaqId is { } target && !await db.Faqs.AnyAsync(f => f.Id == target, cancellationToken))
            return ReviewOutcome.Invalid("faqId", "No FAQ has this id.");

        var groups = await queue.CandidatesOfAsync(groupIds, upToId, cancellationToken);
        if (groups.Count < groupIds.Distinct().Count())
        {
            var missing = groupIds.Where(id => !groups.ContainsKey(id)).ToList();
            return await db.RankingJudgements.AnyAsync(j => missing.Contains(j.Id), cancellationToken)
                ? ReviewOutcome.AlreadyDecided
                : ReviewOutcome.NotFound;
        }

        // Two names of one group decide it once.
        var distinct = groups.Values.DistinctBy(g => g[0].Id).ToList();
        if (decision.ReassignToFaqId is { } other && distinct.Any(g => g[0].FaqId == other))
            return ReviewOutcome.Invalid("faqId", "The other FAQ must differ from the candidates' FAQ; accept the candidates instead.");

        var now = time.GetUtcNow().UtcDateTime;
        var written = new List<RankingJudgement>();
        foreach (var group in distinct)
        {
            written.AddRange(group.Select(c => new RankingJudgement(
                JudgementSource.EditorMapping, c.Query, c.FaqId, decision.CandidateGrade, null, editorId, c.Id, now)));
            if (decision.ReassignToFaqId is { } faqId)
                written.Add(new RankingJudgement(JudgementSource.EditorMapping, group[0].Query, faqId, decision.Grade, null, editorId, null, now));
        }

        db.RankingJudgements.AddRange(written);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear();
            return ReviewOutcome.AlreadyDecided;
        }

        var rows = distinct.Sum(g => g.Count);
        Log.Decided(logger, distinct.Count, rows, decision.CandidateGrade, decision.ReassignToFaqId, editorId);
        return ReviewOutcome.Done(distinct.Count, rows, decision.ReassignToFaqId);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2460, Level = LogLevel.Information,
            Message = "Review: {Groups} candidate groups ({Rows} judgements) decided at grade {Grade}, reassigned to FAQ {FaqId}, by user {EditorId}")]
        public static partial void Decided(ILogger logger, int groups, int rows, int grade, Guid? faqId, Guid? editorId);
    }
}
