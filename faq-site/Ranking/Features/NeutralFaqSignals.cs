namespace ConversationHub.Faq.Ranking.Features;

/// <summary>No platform signals: every candidate gets <see cref="FaqSignalValues.Neutral"/>.</summary>
internal sealed class NeutralFaqSignals : IFaqSignals
{
    public static NeutralFaqSignals Instance { get; } = new();

    public FaqSignalValues Get(string foldedQuery, string documentId) => FaqSignalValues.Neutral;

    public IReadOnlyList<string> NearestConfirmedFaqs(string foldedQuery, int max) => [];
}
