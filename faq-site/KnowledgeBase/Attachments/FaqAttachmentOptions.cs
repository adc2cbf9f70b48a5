namespace ConversationHub.Faq.KnowledgeBase.Attachments;

/// <summary>The <c>FaqAttachments</c> section.</summary>
public sealed class FaqAttachmentOptions
{
    public const string SectionName = "FaqAttachments";

    /// <summary>The folder of stored files; relative paths resolve against the working directory, like <c>data/hub.db</c>.</summary>
    public string RootPath { get; set; } = "data/faq-attachments";
}
