namespace ConversationHub.Faq.Ranking.Judgements;

/// <summary>
/// Where a query→FAQ judgement came from. Stored in snake case (<c>search_click</c>); never rename a stored value
/// without a migration.
/// </summary>
public enum JudgementSource
{
    /// <summary>An FAQ editor mapped the query to the FAQ, or decided on a candidate (<see cref="RankingJudgement.ReviewOfId"/>).</summary>
    EditorMapping,

    /// <summary>An FAQ editor's paraphrase of the FAQ's question, used as a query.</summary>
    EditorParaphrase,

    /// <summary>A citizen rated the answer on the FAQ site (役に立った / 役に立たなかった).</summary>
    SiteFeedback,

    /// <summary>A citizen answered はい / いいえ to the bot in web chat.</summary>
    ChatFeedback,

    /// <summary>A citizen answered the bot on LINE.</summary>
    LineFeedback,

    /// <summary>A citizen opened a result of <c>/search</c>; <see cref="RankingJudgement.Position"/> is its rank.</summary>
    SearchClick,

    /// <summary>A citizen chose one of the bot's suggested questions; <see cref="RankingJudgement.Position"/> is its rank.</summary>
    SuggestionClick,

    /// <summary>An agent confirmed that the FAQ answered the citizen's question.</summary>
    AgentConfirmed,
}
