namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>
/// A training run as the API and the page's script read it. <see cref="ChangedAnswers"/> is filled only for one
/// run (it quotes masked queries) and names each FAQ by its question.
/// </summary>
internal sealed record TrainingRunView(
    long Id,
    string Trigger,
    string Status,
    Guid? RequestedByUserId,
    DateTime RequestedAtUtc,
    string? NodeId,
    DateTime? StartedAtUtc,
    DateTime? HeartbeatAtUtc,
    DateTime? FinishedAtUtc,
    IReadOnlyList<TrainingProgressEntry> Progress,
    long? ModelId,
    long? ActiveModelId,
    int HeldOutQueries,
    HeldOutFigures? New,
    HeldOutFigures? Active,
    bool? NotWorse,
    bool AutoPromoted,
    string? FailureReason,
    string? FailureDetail,
    int ChangedAnswerCount,
    IReadOnlyList<ChangedAnswerView>? ChangedAnswers)
{
    public static TrainingRunView From(TrainingRun run, IReadOnlyDictionary<Guid, string>? questions)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(
            run.Id,
            run.Trigger.ToString().ToLowerInvariant(),
            run.Status.ToString().ToLowerInvariant(),
            run.RequestedByUserId,
            run.RequestedAtUtc,
            run.NodeId,
            run.StartedAtUtc,
            run.HeartbeatAtUtc,
            run.FinishedAtUtc,
            run.Progress,
            run.ModelId,
            run.ActiveModelId,
            run.HeldOutQueries,
            run.NewFigures,
            run.ActiveFigures,
            run.Status == TrainingRunStatus.Succeeded ? run.IsNotWorse : null,
            run.AutoPromoted,
            run.FailureReason,
            run.FailureDetail,
            run.ChangedAnswerCount,
            questions is null ? null : [.. run.ChangedAnswers.Select(c => ChangedAnswerView.From(c, questions))]);
    }
}
