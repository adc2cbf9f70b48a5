namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>Why a run failed, as stored codes the console turns into Japanese.</summary>
internal static class TrainingRunFailure
{
    /// <summary>The judgements hold too few queries with a relevant FAQ to hold some out.</summary>
    public const string TooFewJudgements = "too_few_judgements";

    /// <summary>The node running it stopped sending heartbeats (it died or lost the database).</summary>
    public const string NodeStopped = "node_stopped";

    /// <summary>No node's runner claimed the queued run in time.</summary>
    public const string NeverStarted = "never_started";

    /// <summary>The node was shut down while training.</summary>
    public const string ShutDown = "shut_down";

    /// <summary>Training threw; the detail names the exception type.</summary>
    public const string Error = "error";

    public const int MaxLength = 32;
}
