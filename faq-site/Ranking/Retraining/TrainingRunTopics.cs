namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>Hub event topics of training runs.</summary>
internal static class TrainingRunTopics
{
    /// <summary>A run was queued; every node's runner wakes and one claims it. The payload is the run id.</summary>
    public const string Queued = "faq.ranking.training_queued";
}
