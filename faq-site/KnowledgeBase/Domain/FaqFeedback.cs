namespace ConversationHub.Faq.KnowledgeBase.Domain;

/// <summary>
/// A citizen's rating of an answer (役に立った / 立たなかった). No user id or IP address is kept: feedback is
/// anonymous by design. The optional comment is personal data and is encrypted at rest.
/// </summary>
public sealed class FaqFeedback
{
    /// <summary>The longest comment accepted, in UTF-16 code units.</summary>
    public const int MaxCommentLength = 1000;

    public FaqFeedback(Guid faqId, bool helpful, string? comment, FaqFeedbackChannel channel, DateTime createdAtUtc)
    {
        FaqId = faqId;
        Helpful = helpful;
        Comment = comment;
        Channel = channel;
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }

    public Guid FaqId { get; private set; }

    public bool Helpful { get; private set; }

    public string? Comment { get; private set; }

    public FaqFeedbackChannel Channel { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
}
