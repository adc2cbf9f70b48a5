namespace ConversationHub.Faq.Ranking;

/// <summary>The best split found for a leaf: rows with bin ≤ <see cref="Bin"/> of <see cref="Feature"/> go left.</summary>
internal readonly record struct SplitCandidate(double Gain, int Feature, int Bin)
{
    public static SplitCandidate None { get; } = new(double.NegativeInfinity, -1, -1);

    public bool IsValid => Feature >= 0;
}
