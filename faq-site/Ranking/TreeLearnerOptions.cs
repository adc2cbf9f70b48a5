namespace ConversationHub.Faq.Ranking;

/// <summary>
/// Limits for one regression tree. Leaf values are Newton steps, -ΣG / (ΣH + <see cref="L2Regularization"/>),
/// scaled by the shrinkage passed to <see cref="HistogramTreeLearner.Fit"/>.
/// </summary>
internal sealed record TreeLearnerOptions
{
    public int MaxLeaves { get; init; } = 31;

    public int MaxDepth { get; init; } = 8;

    public int MinLeafRows { get; init; } = 20;

    public double MinLeafHessian { get; init; } = 1e-3;

    public double L2Regularization { get; init; } = 1e-3;

    /// <summary>A split must improve the Newton objective by more than this.</summary>
    public double MinSplitGain { get; init; }

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLeaves, 2, nameof(MaxLeaves));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDepth, 1, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinLeafRows, 1, nameof(MinLeafRows));
        ArgumentOutOfRangeException.ThrowIfNegative(MinLeafHessian, nameof(MinLeafHessian));
        ArgumentOutOfRangeException.ThrowIfNegative(L2Regularization, nameof(L2Regularization));
        ArgumentOutOfRangeException.ThrowIfNegative(MinSplitGain, nameof(MinSplitGain));
        if (MinLeafHessian + L2Regularization <= 0)
            throw new ArgumentException("MinLeafHessian or L2Regularization must be positive, or a leaf value can divide by zero.");
    }
}
