namespace ConversationHub.Faq.Site.Feedback;

/// <summary>What became of a feedback submission.</summary>
internal enum FeedbackOutcome
{
    Stored,

    /// <summary>Neither はい nor いいえ was chosen (or the value was forged).</summary>
    MissingChoice,

    /// <summary>The comment is longer than <see cref="KnowledgeBase.Domain.FaqFeedback.MaxCommentLength"/>.</summary>
    CommentTooLong,
}
