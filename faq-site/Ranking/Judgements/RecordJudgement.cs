using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Search.Misses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Faq.Ranking.Judgements;

/// <summary>
/// Validates and stores one judgement. The query is masked like the search-miss log before it is kept (and then
/// encrypted by the model); nothing is stored when any field is wrong. Logs ids, never the query.
/// </summary>
public sealed partial class RecordJudgement(FaqDbContext db, TimeProvider time, ILogger<RecordJudgement> logger)
{
    /// <summary>The longest query accepted as typed, before masking.</summary>
    public const int MaxInputLength = 1000;

    public async Task<JudgementResult> ExecuteAsync(JudgementInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var query = input.Query?.Trim() ?? "";
        if (query.Length == 0)
            errors["query"] = ["The query is required."];
        else if (query.Length > MaxInputLength)
            errors["query"] = [$"The query must be at most {MaxInputLength} characters."];
        if (input.Grade is < 0 or > RankingJudgement.MaxGrade)
            errors["grade"] = [$"The grade must be 0, 1 or {RankingJudgement.MaxGrade}."];
        if (input.Position is < 1 or > 1000)
            errors["position"] = ["The position must lie from 1 to 1000."];
        if (!await db.Faqs.AnyAsync(f => f.Id == input.FaqId, cancellationToken))
            errors["faqId"] = ["No FAQ has this id."];
        if (input.ReviewOfId is { } reviewOf && !await IsAwaitingReviewAsync(reviewOf, cancellationToken))
            errors["id"] = ["No judgement with this id awaits review."];
        var masked = errors.ContainsKey("query") ? "" : SearchQueryMasker.Apply(query);
        if (!errors.ContainsKey("query") && masked.Replace(SearchQueryMasker.Mask, "", StringComparison.Ordinal).Trim().Length == 0)
            errors["query"] = ["The query holds nothing but personal data."];
        if (errors.Count > 0)
            return new JudgementResult(null, errors);

        var judgement = new RankingJudgement(
            input.Source, masked, input.FaqId, input.Grade, input.Position, input.StaffUserId, input.ReviewOfId, time.GetUtcNow().UtcDateTime);
        db.RankingJudgements.Add(judgement);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (input.ReviewOfId is not null && Review.UniqueViolation.Is(ex))
        {
            // Another editor's decision on the same candidate was stored between the check above and this insert.
            db.Entry(judgement).State = EntityState.Detached;
            errors["id"] = ["No judgement with this id awaits review."];
            return new JudgementResult(null, errors);
        }
        Log.Stored(logger, judgement.Id, input.Source, input.FaqId, input.Grade);
        return new JudgementResult(judgement, errors);
    }

    private async Task<bool> IsAwaitingReviewAsync(long id, CancellationToken cancellationToken) =>
        await db.RankingJudgements.AnyAsync(j => j.Id == id && j.ReviewOfId == null, cancellationToken)
        && !await db.RankingJudgements.AnyAsync(j => j.ReviewOfId == id, cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(EventId = 2410, Level = LogLevel.Information, Message = "Judgement {Id} stored: {Source} for FAQ {FaqId}, grade {Grade}")]
        public static partial void Stored(ILogger logger, long id, JudgementSource source, Guid faqId, int grade);
    }
}

/// <summary>What a caller asks to store; <see cref="RecordJudgement"/> checks every field.</summary>
public sealed record JudgementInput(
    JudgementSource Source, string? Query, Guid FaqId, int Grade, int? Position = null, Guid? StaffUserId = null, long? ReviewOfId = null);

/// <summary>The stored judgement, or the errors per field (nothing stored).</summary>
public sealed record JudgementResult(RankingJudgement? Judgement, IDictionary<string, string[]> Errors);
