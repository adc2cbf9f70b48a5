namespace ConversationHub.Faq.Ranking;

/// <summary>LambdaMART training settings; the defaults suit tens of thousands of rows and tens of features.</summary>
internal sealed record LambdaMartParameters
{
    /// <summary>The most boosting rounds (trees); early stopping may keep fewer.</summary>
    public int TreeCount { get; init; } = 300;

    /// <summary>Shrinkage applied to every leaf value.</summary>
    public double LearningRate { get; init; } = 0.1;

    public int MaxLeaves { get; init; } = 31;

    public int MaxDepth { get; init; } = 8;

    public int MinLeafRows { get; init; } = 20;

    public double MinLeafHessian { get; init; } = 1e-3;

    /// <summary>Added to a leaf's hessian sum in the Newton step and in split gains.</summary>
    public double L2Regularization { get; init; } = 1e-3;

    public double MinSplitGain { get; init; }

    /// <summary>Quantile bins per feature, 2 to 256.</summary>
    public int MaxBins { get; init; } = 255;

    /// <summary>The share of features each tree may split on, drawn per tree with the seeded generator.</summary>
    public double FeatureFraction { get; init; } = 1.0;

    /// <summary>The share of rows each tree is grown from, drawn per tree with the seeded generator.</summary>
    public double RowFraction { get; init; } = 1.0;

    /// <summary>The steepness σ of the pairwise logistic.</summary>
    public double Sigma { get; init; } = 1.0;

    /// <summary>k of the nDCG@k the gradients optimise and early stopping watches.</summary>
    public int NdcgCutoff { get; init; } = 10;

    /// <summary>Stop after this many rounds without a better validation nDCG and keep the best round; 0 turns it off.</summary>
    public int EarlyStoppingRounds { get; init; } = 30;

    public int Seed { get; init; } = 1;

    public TreeLearnerOptions ToTreeLearnerOptions() => new()
    {
        MaxLeaves = MaxLeaves,
        MaxDepth = MaxDepth,
        MinLeafRows = MinLeafRows,
        MinLeafHessian = MinLeafHessian,
        L2Regularization = L2Regularization,
        MinSplitGain = MinSplitGain,
    };

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TreeCount, nameof(TreeCount));
        if (!(LearningRate > 0 && LearningRate <= 1))
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "Must lie in (0, 1].");
        if (!(FeatureFraction > 0 && FeatureFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(FeatureFraction), FeatureFraction, "Must lie in (0, 1].");
        if (!(RowFraction > 0 && RowFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(RowFraction), RowFraction, "Must lie in (0, 1].");
        if (!(Sigma > 0 && double.IsFinite(Sigma)))
            throw new ArgumentOutOfRangeException(nameof(Sigma), Sigma, "Must be positive.");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBins, 2, nameof(MaxBins));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxBins, FeatureBins.MaxSupportedBins, nameof(MaxBins));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(NdcgCutoff, nameof(NdcgCutoff));
        ArgumentOutOfRangeException.ThrowIfNegative(EarlyStoppingRounds, nameof(EarlyStoppingRounds));
        ToTreeLearnerOptions().Validate();
    }
}
