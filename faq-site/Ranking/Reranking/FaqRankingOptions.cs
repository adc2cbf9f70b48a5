namespace ConversationHub.Faq.Ranking.Reranking;

/// <summary>The <c>FaqRanking</c> section: which relevance model re-ranks search results.</summary>
public sealed class FaqRankingOptions
{
    public const string SectionName = "FaqRanking";

    /// <summary>
    /// A model written by <c>faq train</c> (JSON), absolute or relative to the working directory. Empty: no
    /// re-ranking, first-stage order. A missing file or a model trained on other features stops start-up.
    /// </summary>
    public string? ModelPath { get; set; }

    /// <summary>How many first-stage candidates the model re-orders (K), 1 to 1000.</summary>
    public int Candidates { get; set; } = FaqReranker.DefaultCandidateCount;
}
