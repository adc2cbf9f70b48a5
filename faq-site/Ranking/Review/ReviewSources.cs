using ConversationHub.Faq.Ranking.Judgements;

namespace ConversationHub.Faq.Ranking.Review;

/// <summary>
/// The sources the review queue shows, by their wire names: the judgement sources that make candidates
/// (<c>search_click</c>, <c>agent_confirmed</c>, …) and <see cref="SearchMiss"/> for searches that found nothing.
/// </summary>
internal static class ReviewSources
{
    /// <summary>A search that found nothing or nothing confident: a query with no FAQ yet.</summary>
    public const string SearchMiss = "search_miss";

    /// <summary>
    /// Everything but the editors' own mappings and paraphrases. Agents' confirmations are staff judgements and
    /// already count in training, but the issue lists them as candidates: an editor accepting one restates it
    /// (at the grade chosen, which replaces the agent's), and rejecting one takes it out of training.
    /// </summary>
    public static readonly JudgementSource[] Candidates =
        [.. Enum.GetValues<JudgementSource>().Where(s => s is not (JudgementSource.EditorMapping or JudgementSource.EditorParaphrase))];

    /// <summary>Every name in display order: the candidate sources, then search misses.</summary>
    public static readonly string[] All = [.. Candidates.Select(JudgementSourceNames.ToStored), SearchMiss];

    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);
}
