namespace ConversationHub.Faq.Ranking.History;

/// <summary>Hub event topics of the model history.</summary>
internal static class RankingModelTopics
{
    /// <summary>A model became active; the payload is its id.</summary>
    public const string Activated = "faq.ranking.model_activated";
}
