namespace ConversationHub.Faq.Ranking.History;

/// <summary>Why a model became active; stored lower-case (<c>promote</c>, <c>rollback</c>, <c>auto_promote</c>).</summary>
public enum RankingModelActivationAction
{
    /// <summary>A person activated a model newer than the one active before (or the first one).</summary>
    Promote,

    /// <summary>A person went back to a model older than the one active before.</summary>
    Rollback,

    /// <summary>Training activated its own model because it was not worse (the schedule with AutoPromote, or <c>faq train</c>).</summary>
    AutoPromote,
}
