namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>
/// How often the runner looks for work and how long silence means a node stopped. Constants, not options: they only
/// trade database writes against how soon a dead node's run is freed, and no operator needs to tune that.
/// </summary>
internal static class TrainingRunTiming
{
    /// <summary>The training node refreshes its heartbeat and writes its progress this often.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(2);

    /// <summary>A running run whose heartbeat is older than this is failed, so another can start.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(60);

    /// <summary>A queued run no node claimed within this is failed (every node's runner looks at least every <see cref="PollInterval"/>).</summary>
    public static readonly TimeSpan NeverStartedAfter = TimeSpan.FromMinutes(2);

    /// <summary>How often each node looks for queued runs and the schedule when no hub event woke it.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(15);
}
