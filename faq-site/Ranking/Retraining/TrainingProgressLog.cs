namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>
/// Collects a run's trained members as training reports them (on the training thread) for the heartbeat to write
/// (on another). Thread-safe.
/// </summary>
internal sealed class TrainingProgressLog(TimeProvider time) : IProgress<Training.TrainedMember>
{
    private readonly Lock _lock = new();
    private readonly List<TrainingProgressEntry> _entries = [];

    public void Report(Training.TrainedMember value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var entry = new TrainingProgressEntry(value.Member, value.Of, value.Trees, Math.Round(value.ValidationNdcg, 4), time.GetUtcNow().UtcDateTime);
        lock (_lock)
            _entries.Add(entry);
    }

    public IReadOnlyList<TrainingProgressEntry> Entries
    {
        get
        {
            lock (_lock)
                return [.. _entries];
        }
    }

    public string ToJson() => TrainingRunJson.Write(Entries);
}
