namespace ConversationHub.Faq.Ranking;

/// <summary>Where a model came from: its data, its scores at the kept iteration, and when and how it was trained.</summary>
internal sealed record LambdaMartTrainingMetadata
{
    /// <summary>SHA-256 of the training rows in canonical order (<see cref="RankingDataset.ComputeHash"/>).</summary>
    public required string TrainingDataHash { get; init; }

    public string? ValidationDataHash { get; init; }

    public required int TrainingQueries { get; init; }

    public required int TrainingRows { get; init; }

    public int ValidationQueries { get; init; }

    public int ValidationRows { get; init; }

    /// <summary>k of the nDCG@k figures below.</summary>
    public required int NdcgCutoff { get; init; }

    public required double TrainingNdcg { get; init; }

    public double? ValidationNdcg { get; init; }

    /// <summary>The number of trees kept (the best validation round when early stopping is on).</summary>
    public required int BestIteration { get; init; }

    /// <summary>The number of rounds trained before stopping.</summary>
    public required int IterationsRun { get; init; }

    public required int Seed { get; init; }

    public required DateTimeOffset TrainedAt { get; init; }

    /// <summary>The judgement snapshot a platform-trained model learned from; null for a dataset-trained one.</summary>
    public long? JudgementSnapshotId { get; init; }

    /// <summary>That snapshot's content hash (<c>JudgementHash</c>), to check the data can still be read back.</summary>
    public string? JudgementSnapshotHash { get; init; }
}
