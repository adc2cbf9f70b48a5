namespace ConversationHub.Faq.Ranking.Review;

/// <summary>See <see cref="ReviewOutcome"/>.</summary>
internal enum ReviewOutcomeKind
{
    Done,
    Invalid,
    NotFound,

    /// <summary>Another editor decided (or handled) it first; nothing was written.</summary>
    AlreadyDecided,
}
