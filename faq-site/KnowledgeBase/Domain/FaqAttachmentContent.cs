namespace ConversationHub.Faq.KnowledgeBase.Domain;

/// <summary>
/// The bytes of one <see cref="FaqAttachment"/>, in the database so that every node of a scale-out serves the
/// same file without a shared volume. Kept apart from the metadata so that lists never load the bytes.
/// </summary>
public sealed class FaqAttachmentContent(Guid attachmentId, byte[] bytes, string sha256)
{
    public Guid AttachmentId { get; private set; } = attachmentId;

    public byte[] Bytes { get; private set; } = bytes;

    /// <summary>Lower-case hex SHA-256 of <see cref="Bytes"/>; the HTTP entity tag.</summary>
    public string Sha256 { get; private set; } = sha256;
}
