using ConversationHub.Faq.Ranking.Judgements;
using ConversationHub.Faq.Search.Misses;

namespace ConversationHub.Faq.Ranking.Charts;

/// <summary>What the editors' 品質の推移 page draws and tabulates (the same numbers in both).</summary>
/// <param name="Models">Trained models, oldest first: held-out nDCG@10 of each and of what was active when it was trained.</param>
/// <param name="Weeks">The weeks shown, oldest first (Monday, Japan time).</param>
/// <param name="Judgements">Judgements recorded per week and source.</param>
/// <param name="Questions">Questions and confident first answers per week.</param>
internal sealed record RankingCharts(
    IReadOnlyList<ModelQuality> Models,
    IReadOnlyList<DateOnly> Weeks,
    IReadOnlyList<JudgementWeek> Judgements,
    IReadOnlyList<QuestionWeek> Questions);

/// <summary>One trained model's quality on its run's held-out judgements.</summary>
internal sealed record ModelQuality(long Id, DateTime CreatedAtUtc, double HeldOutNdcg, double? PreviousHeldOutNdcg, int HeldOutQueries, bool IsActive);

/// <summary>Judgements of one week, by source (every source present, zero when none).</summary>
internal sealed record JudgementWeek(DateOnly Week, IReadOnlyDictionary<JudgementSource, int> BySource)
{
    public int Total => BySource.Values.Sum();
}

/// <summary>Questions of one week, by channel, and how many got a confident first answer.</summary>
internal sealed record QuestionWeek(DateOnly Week, int Questions, int Confident, IReadOnlyDictionary<SearchChannel, int> ByChannel)
{
    /// <summary>The confident share, or null for a week without questions (shown as 「—」, never as 0 %).</summary>
    public double? Share => Questions == 0 ? null : (double)Confident / Questions;
}
