namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>
/// One training run of the retraining console or the schedule: who asked and when, the node that trains it and its
/// heartbeat, progress, and the outcome: the proposed model and how it and the active model score on the held-out
/// judgements, and the judged queries whose first answer changes. A run only proposes; promotion is separate.
/// </summary>
/// <remarks>
/// One run at a time across nodes: a queued or running run holds <see cref="ActiveSlot"/> = 1 under a unique
/// index, so a second insert fails in the database whatever node tries it; finishing or failing frees the slot.
/// </remarks>
public sealed class TrainingRun
{
    /// <summary>The value of <see cref="ActiveSlot"/> while the run is queued or running.</summary>
    public const int Occupied = 1;

    public const int MaxNodeIdLength = 32;

    public const int MaxFailureDetailLength = 500;

    public TrainingRun(TrainingRunTrigger trigger, Guid? requestedByUserId, DateOnly? scheduledDay, DateTime requestedAtUtc)
    {
        Trigger = trigger;
        RequestedByUserId = requestedByUserId;
        ScheduledDay = scheduledDay;
        RequestedAtUtc = requestedAtUtc;
        Status = TrainingRunStatus.Queued;
        ActiveSlot = Occupied;
    }

    public long Id { get; private set; }

    public TrainingRunTrigger Trigger { get; private set; }

    public TrainingRunStatus Status { get; private set; }

    /// <summary><see cref="Occupied"/> while queued or running, null after (unique: one run at a time).</summary>
    public int? ActiveSlot { get; private set; }

    /// <summary>For a scheduled run, its day in Japan time (unique: one scheduled run a day across nodes).</summary>
    public DateOnly? ScheduledDay { get; private set; }

    public Guid? RequestedByUserId { get; private set; }

    public DateTime RequestedAtUtc { get; private set; }

    /// <summary>The node that claimed it (<see cref="Core.Events.IHubEvents.NodeId"/>).</summary>
    public string? NodeId { get; private set; }

    public DateTime? StartedAtUtc { get; private set; }

    /// <summary>Refreshed every few seconds by the training node; a stale one means the node stopped.</summary>
    public DateTime? HeartbeatAtUtc { get; private set; }

    public DateTime? FinishedAtUtc { get; private set; }

    /// <summary>The trained members so far (<see cref="TrainingProgressEntry"/>, JSON).</summary>
    public string ProgressJson { get; private set; } = "[]";

    public long? SnapshotId { get; private set; }

    /// <summary>The proposed model in <c>ranking_models</c>.</summary>
    public long? ModelId { get; private set; }

    /// <summary>The model active when the run was scored; null when none was (first-stage order was the bar).</summary>
    public long? ActiveModelId { get; private set; }

    public int HeldOutQueries { get; private set; }

    public double? NewNdcg10 { get; private set; }

    public double? NewMrr10 { get; private set; }

    public double? NewHit1 { get; private set; }

    public double? ActiveNdcg10 { get; private set; }

    public double? ActiveMrr10 { get; private set; }

    public double? ActiveHit1 { get; private set; }

    /// <summary>The <see cref="ChangedFirstAnswer"/> rows as JSON, encrypted at rest (they quote masked queries).</summary>
    public string? ChangedAnswersJson { get; private set; }

    public int ChangedAnswerCount { get; private set; }

    /// <summary>True when the schedule promoted the model itself (AutoPromote, and not worse).</summary>
    public bool AutoPromoted { get; private set; }

    /// <summary>A <see cref="TrainingRunFailure"/> code when failed.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>A technical detail for administrators (English, no personal data).</summary>
    public string? FailureDetail { get; private set; }

    public bool IsFinished => Status is TrainingRunStatus.Succeeded or TrainingRunStatus.Failed;

    /// <summary>The new model scores at least as well as the active one on nDCG@10 (the promotion bar of <c>faq train</c>).</summary>
    public bool IsNotWorse => NewNdcg10 is { } n && n >= (ActiveNdcg10 ?? 0);

    public HeldOutFigures? NewFigures => NewNdcg10 is { } n ? new(n, NewMrr10 ?? 0, NewHit1 ?? 0) : null;

    public HeldOutFigures? ActiveFigures => ActiveNdcg10 is { } n ? new(n, ActiveMrr10 ?? 0, ActiveHit1 ?? 0) : null;

    public IReadOnlyList<TrainingProgressEntry> Progress => TrainingRunJson.ReadProgress(ProgressJson);

    public IReadOnlyList<ChangedFirstAnswer> ChangedAnswers => TrainingRunJson.ReadChangedAnswers(ChangedAnswersJson);

    /// <summary>The trained members at the end (the heartbeat writes them while training).</summary>
    public void SetProgress(IReadOnlyList<TrainingProgressEntry> entries) => ProgressJson = TrainingRunJson.Write(entries);

    /// <summary>Succeeded with a stored model and its comparison with the active one.</summary>
    public void Succeed(TrainingOutcome outcome, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        EnsureRunning(TrainingRunStatus.Succeeded);
        Status = TrainingRunStatus.Succeeded;
        ActiveSlot = null;
        FinishedAtUtc = nowUtc;
        SnapshotId = outcome.SnapshotId;
        ModelId = outcome.ModelId;
        ActiveModelId = outcome.ActiveModelId;
        HeldOutQueries = outcome.HeldOutQueries;
        (NewNdcg10, NewMrr10, NewHit1) = (outcome.New.Ndcg10, outcome.New.Mrr10, outcome.New.Hit1);
        (ActiveNdcg10, ActiveMrr10, ActiveHit1) = (outcome.Active.Ndcg10, outcome.Active.Mrr10, outcome.Active.Hit1);
        ChangedAnswersJson = TrainingRunJson.Write(outcome.ChangedAnswers);
        ChangedAnswerCount = outcome.ChangedAnswers.Count;
    }

    /// <summary>Records that the schedule activated this run's model.</summary>
    public void MarkAutoPromoted()
    {
        if (Status != TrainingRunStatus.Succeeded || Trigger != TrainingRunTrigger.Schedule)
            throw new TrainingRunStateException($"Training run {Id} cannot be marked auto-promoted: it is {Status} and triggered by {Trigger}, not a succeeded scheduled run.");
        AutoPromoted = true;
    }

    /// <summary>Failed on its own node (an error or too few judgements), which frees the slot.</summary>
    public void Fail(string reason, string? detail, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(reason);
        EnsureRunning(TrainingRunStatus.Failed);
        Status = TrainingRunStatus.Failed;
        ActiveSlot = null;
        FinishedAtUtc = nowUtc;
        FailureReason = reason;
        FailureDetail = detail is { Length: > MaxFailureDetailLength } ? detail[..MaxFailureDetailLength] : detail;
    }

    private void EnsureRunning(TrainingRunStatus to)
    {
        if (Status != TrainingRunStatus.Running)
            throw new TrainingRunStateException($"Training run {Id} cannot go from {Status} to {to}; only a running run finishes.");
    }
}
