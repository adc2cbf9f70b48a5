namespace ConversationHub.Faq.Ranking;

/// <summary>Per-bin sums of gradients, hessians and row counts for every feature of one leaf, laid end to end.</summary>
internal sealed class BinHistogram(int totalBins)
{
    public double[] Gradients { get; } = new double[totalBins];

    public double[] Hessians { get; } = new double[totalBins];

    public int[] Counts { get; } = new int[totalBins];

    public void Clear(int offset, int length)
    {
        Array.Clear(Gradients, offset, length);
        Array.Clear(Hessians, offset, length);
        Array.Clear(Counts, offset, length);
    }

    /// <summary>this = parent - sibling over one feature's bins (the subtraction trick: build only the smaller child).</summary>
    public void SetDifference(BinHistogram parent, BinHistogram sibling, int offset, int length)
    {
        for (var i = offset; i < offset + length; i++)
        {
            Gradients[i] = parent.Gradients[i] - sibling.Gradients[i];
            Hessians[i] = parent.Hessians[i] - sibling.Hessians[i];
            Counts[i] = parent.Counts[i] - sibling.Counts[i];
        }
    }
}
