namespace ConversationHub.Faq.Ranking.Review;

/// <summary>One page of the review queue.</summary>
/// <param name="Total">Groups matching the filter, across all pages.</param>
/// <param name="SourceCounts">Groups per source name under the filter's other parts (the source part left out), so the editor sees where the work is.</param>
/// <param name="MaxJudgementId">The newest judgement read: a bulk decision confirmed from this view covers nothing newer.</param>
/// <param name="MaxMissId">The newest search miss read, likewise.</param>
internal sealed record ReviewQueuePage(
    IReadOnlyList<ReviewGroup> Groups, int Total, int Page, int PageSize, IReadOnlyDictionary<string, int> SourceCounts, long MaxJudgementId, long MaxMissId)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
