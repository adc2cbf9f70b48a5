namespace ConversationHub.Faq.KnowledgeBase.Domain;

/// <summary>
/// A file offered with an answer (a form in PDF, a map). Only metadata lives in the database; the bytes are in
/// an <c>IFaqAttachmentStore</c> under <see cref="StorageKey"/>.
/// </summary>
public sealed class FaqAttachment(string fileName, string contentType, long sizeBytes, string storageKey)
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid FaqId { get; private set; }

    /// <summary>The name shown to citizens and offered when downloading.</summary>
    public string FileName { get; set; } = fileName;

    public string ContentType { get; set; } = contentType;

    public long SizeBytes { get; set; } = sizeBytes;

    public string StorageKey { get; private set; } = storageKey;

    public int SortOrder { get; set; }

    public DateTime CreatedAtUtc { get; set; } = DateTime.UtcNow;
}
