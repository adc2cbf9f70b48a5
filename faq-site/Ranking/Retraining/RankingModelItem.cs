namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>
/// A model of the history as the console lists it: its model card's essentials and its latest activation.
/// <see cref="ActivatedByName"/> is a staff name (shown, never logged).
/// </summary>
internal sealed record RankingModelItem(
    long Id,
    bool IsActive,
    DateTime CreatedAtUtc,
    string Trainer,
    int Trees,
    int TrainingQueries,
    long? SnapshotId,
    int HeldOutQueries,
    double HeldOutNdcg,
    double? PreviousHeldOutNdcg,
    DateTime? ActivatedAtUtc,
    string? ActivatedVia,
    Guid? ActivatedByUserId,
    string? ActivatedByName);
