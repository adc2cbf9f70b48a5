using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Ranking.Judgements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Faq.Site.Feedback;

/// <summary>
/// Turns a rating given on an FAQ page reached from a search result into a ranker judgement: the query of that
/// search (already masked and encrypted with the click) paired with the FAQ, grade 2 for 役に立った and 0 for
/// 役に立たなかった. One judgement per click: a second rating through the same token adds nothing.
/// </summary>
internal sealed partial class RecordSiteFeedbackJudgement(
    FaqDbContext db, SearchClickTokens tokens, RecordJudgement record, ILogger<RecordSiteFeedbackJudgement> logger)
{
    /// <returns>The stored judgement's id, or null when the token does not lead to a click on this FAQ or was used.</returns>
    public async Task<long?> ExecuteAsync(Guid faqId, string? clickToken, bool helpful, CancellationToken cancellationToken)
    {
        if (tokens.TryRead(clickToken, faqId) is not { } clickId)
            return null;
        var click = await db.RankingJudgements.AsNoTracking()
            .FirstOrDefaultAsync(j => j.Id == clickId && j.FaqId == faqId && j.Source == JudgementSource.SearchClick, cancellationToken);
        if (click is null)
            return null;
        if (await AlreadyJudgedAsync(click, cancellationToken))
        {
            Log.AlreadyJudged(logger, click.Id, faqId);
            return null;
        }

        var result = await record.ExecuteAsync(
            new JudgementInput(JudgementSource.SiteFeedback, click.Query, faqId, helpful ? RankingJudgement.MaxGrade : 0, click.Position), cancellationToken);
        return result.Judgement?.Id;
    }

    /// <summary>
    /// Whether site feedback with this click's query was recorded for the FAQ since the click. The query is
    /// encrypted at rest, so the few candidate rows are compared after reading.
    /// </summary>
    private async Task<bool> AlreadyJudgedAsync(RankingJudgement click, CancellationToken cancellationToken)
    {
        var since = await db.RankingJudgements.AsNoTracking()
            .Where(j => j.FaqId == click.FaqId && j.Source == JudgementSource.SiteFeedback && j.Id > click.Id && j.Position == click.Position)
            .Select(j => j.Query).ToListAsync(cancellationToken);
        return since.Contains(click.Query, StringComparer.Ordinal);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2420, Level = LogLevel.Information, Message = "Search click {ClickId} on FAQ {FaqId} was already rated; no second judgement")]
        public static partial void AlreadyJudged(ILogger logger, long clickId, Guid faqId);
    }
}
