namespace ConversationHub.Faq.Ranking.Review;

/// <summary>What a row of the review queue is; the two kinds are decided by different use cases.</summary>
internal enum ReviewGroupKind
{
    /// <summary>Judgements for one (query, FAQ) awaiting a decision: <see cref="DecideCandidates"/>.</summary>
    Candidate,

    /// <summary>Searches for one query that found nothing: <see cref="CreateDraftFromMiss"/> or <see cref="MapMissToFaq"/>.</summary>
    Miss,
}
