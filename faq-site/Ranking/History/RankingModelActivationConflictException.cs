namespace ConversationHub.Faq.Ranking.History;

/// <summary>Another activation (on this node or another) committed while this one ran; this one changed nothing.</summary>
public sealed class RankingModelActivationConflictException(long modelId, Exception inner)
    : Exception($"Ranking model {modelId} was not activated: another activation was stored at the same moment. Reload and try again.", inner);
