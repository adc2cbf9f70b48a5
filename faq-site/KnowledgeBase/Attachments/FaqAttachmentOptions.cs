namespace ConversationHub.Faq.KnowledgeBase.Attachments;

/// <summary>The <c>FaqAttachments</c> section.</summary>
public sealed class FaqAttachmentOptions
{
    public const string SectionName = "FaqAttachments";

    /// <summary>The largest file an editor may upload, in bytes (default 10 MiB).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How many files one FAQ may carry.</summary>
    public int MaxPerFaq { get; set; } = 10;
}
