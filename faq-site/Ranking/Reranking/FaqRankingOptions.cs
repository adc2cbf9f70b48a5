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

    /// <summary>
    /// When the retraining console's schedule trains a model each day, as <c>HH:mm</c> in Japan time (e.g. <c>02:30</c>).
    /// Empty (the default): no schedule. One scheduled run a day across all nodes, at or after that time; a node
    /// that starts later in the day runs that day's run then. The run only proposes its model unless
    /// <see cref="AutoPromote"/> is set.
    /// </summary>
    public string? TrainingSchedule { get; set; }

    /// <summary>
    /// Whether a scheduled run activates its own model when it is not worse than the active one on the held-out
    /// judgements (nDCG@10). False by default: editors promote in the console. Needs <see cref="TrainingSchedule"/>.
    /// </summary>
    public bool AutoPromote { get; set; }
}
