namespace ConversationHub.Faq.Ranking;

/// <summary>A leaf of the tree being grown: its rows are indices[Start .. Start + Count) of the learner's row buffer.</summary>
internal sealed class GrowingLeaf
{
    public required int Start { get; init; }

    public required int Count { get; init; }

    public required int Depth { get; init; }

    /// <summary>The internal node whose child this leaf is, or -1 for the root.</summary>
    public required int ParentNode { get; init; }

    public required bool IsLeftChild { get; init; }

    public double SumGradients { get; set; }

    public double SumHessians { get; set; }

    public BinHistogram? Histogram { get; set; }

    public SplitCandidate Split { get; set; } = SplitCandidate.None;
}
