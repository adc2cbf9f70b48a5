namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>One line of the activation log as the console shows it; <see cref="UserName"/> is shown, never logged.</summary>
internal sealed record RankingModelActivationItem(
    long Id, long ModelId, long? PreviousModelId, string Action, string Via, Guid? UserId, string? UserName, DateTime CreatedAtUtc);
