namespace ConversationHub.Faq.Ranking.Training;

/// <summary>One trainer's line of the comparison: fold-averaged figures, mean training seconds and model bytes per fold, p99 µs per query.</summary>
internal sealed record TrainerComparisonRow(string Trainer, RankedListMetrics Metrics, double TrainSeconds, long ModelBytes, double ScoreP99Microseconds);
