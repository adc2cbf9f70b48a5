namespace ConversationHub.Faq.Ranking;

/// <summary>Where a model came from: the trainer, its data, its scores, and when it was trained.</summary>
internal sealed record FaqRankerTrainingMetadata
{
    /// <summary>The library and trainer that fitted the trees, with its version (e.g. <c>ML.NET 6.0.0 FastTree LambdaRank</c>).</summary>
    public required string Trainer { get; init; }

    /// <summary>How many models were trained and averaged, each early-stopped on a different share of the queries.</summary>
    public required int Members { get; init; }

    /// <summary>Trees in the averaged ensemble (all members together).</summary>
    public required int Trees { get; init; }

    /// <summary>SHA-256 of the training rows in canonical order (<see cref="RankingDataset.ComputeHash"/>).</summary>
    public required string TrainingDataHash { get; init; }

    public required int TrainingQueries { get; init; }

    public required int TrainingRows { get; init; }

    /// <summary>k of the nDCG@k figures below.</summary>
    public required int NdcgCutoff { get; init; }

    /// <summary>nDCG of the averaged model on all its training queries.</summary>
    public required double TrainingNdcg { get; init; }

    /// <summary>The members' mean nDCG on the share each was early-stopped on (not held out from the average).</summary>
    public double? ValidationNdcg { get; init; }

    public required int Seed { get; init; }

    public required DateTimeOffset TrainedAt { get; init; }

    /// <summary>The judgement snapshot a platform-trained model learned from; null for a dataset-trained one.</summary>
    public long? JudgementSnapshotId { get; init; }

    /// <summary>That snapshot's content hash (<c>JudgementHash</c>), to check the data can still be read back.</summary>
    public string? JudgementSnapshotHash { get; init; }
}
