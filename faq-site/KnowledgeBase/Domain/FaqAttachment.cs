namespace ConversationHub.Faq.KnowledgeBase.Domain;

/// <summary>
/// A file offered with an answer (a form in PDF, a map). The bytes are a <see cref="FaqAttachmentContent"/> row
/// of the same id, so listing attachments never reads them.
/// </summary>
public sealed class FaqAttachment(string fileName, string contentType, long sizeBytes, string storageKey)
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid FaqId { get; private set; }

    /// <summary>The name shown to citizens and offered when downloading.</summary>
    public string FileName { get; set; } = fileName;

    public string ContentType { get; set; } = contentType;

    public long SizeBytes { get; set; } = sizeBytes;

    /// <summary>Where the bytes are: <c>db:</c> and the attachment id for bytes in <c>faq_attachment_contents</c>.</summary>
    public string StorageKey { get; private set; } = storageKey;

    public int SortOrder { get; set; }

    public DateTime CreatedAtUtc { get; set; } = DateTime.UtcNow;

    /// <summary>An attachment whose bytes are stored in the database under its own id.</summary>
    public static FaqAttachment InDatabase(string fileName, string contentType, long sizeBytes)
    {
        var attachment = new FaqAttachment(fileName, contentType, sizeBytes, "");
        attachment.StorageKey = "db:" + attachment.Id.ToString("N");
        return attachment;
    }
}
