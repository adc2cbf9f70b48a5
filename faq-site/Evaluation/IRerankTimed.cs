namespace ConversationHub.Faq.Evaluation;

/// <summary>An engine that times its re-ranking step apart from first-stage search, one entry per query.</summary>
internal interface IRerankTimed
{
    /// <summary>Milliseconds spent on features and model scoring, per query since the last <see cref="ResetTimings"/>.</summary>
    IReadOnlyList<double> RerankLatencies { get; }

    void ResetTimings();
}
