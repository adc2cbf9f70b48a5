namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>Where a training run is: queued → running → succeeded or failed. Stored lower-case.</summary>
public enum TrainingRunStatus
{
    /// <summary>Waiting for a node's runner to claim it.</summary>
    Queued,

    /// <summary>A node trains it and keeps <see cref="TrainingRun.HeartbeatAtUtc"/> fresh.</summary>
    Running,

    /// <summary>A model was trained and stored (proposed; active only if promoted).</summary>
    Succeeded,

    /// <summary>Nothing usable came out: too few judgements, an error, or the node stopped.</summary>
    Failed,
}
