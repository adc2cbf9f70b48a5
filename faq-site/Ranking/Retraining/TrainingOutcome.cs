namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>What a finished run stores: the proposed model and its comparison with the active one on held-out judgements.</summary>
public sealed record TrainingOutcome(
    long SnapshotId, long ModelId, long? ActiveModelId, int HeldOutQueries, HeldOutFigures New, HeldOutFigures Active, IReadOnlyList<ChangedFirstAnswer> ChangedAnswers);
