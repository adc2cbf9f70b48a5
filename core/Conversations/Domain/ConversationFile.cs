namespace ConversationHub.Core.Conversations.Domain;

/// <summary>
/// A file a citizen sent in a conversation (an image, a PDF). Personal data: the content is encrypted at rest and
/// lives in the database, so every node serves it. The id is random and is part of the link, never guessable.
/// </summary>
public sealed class ConversationFile
{
    /// <summary>Stores <paramref name="content"/> for <paramref name="conversationId"/>.</summary>
    public ConversationFile(Guid conversationId, string contentType, ReadOnlySpan<byte> content, DateTime createdAtUtc)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        Id = Guid.NewGuid();
        ConversationId = conversationId;
        ContentType = contentType;
        Length = content.Length;
        ContentBase64 = Convert.ToBase64String(content);
        CreatedAtUtc = createdAtUtc;
    }

    private ConversationFile()
    {
        ContentType = "";
        ContentBase64 = "";
    }

    /// <summary>Random key (not time-ordered, unlike other ids: it names the file in its link).</summary>
    public Guid Id { get; private set; }

    /// <summary>The conversation; a file is served only within it.</summary>
    public Guid ConversationId { get; private set; }

    /// <summary>The checked media type (<c>image/png</c>, <c>application/pdf</c> …).</summary>
    public string ContentType { get; private set; }

    /// <summary>Size in bytes.</summary>
    public long Length { get; private set; }

    /// <summary>The content as base64, the form <see cref="Security.IPiiProtector"/> encrypts (ciphertext at rest).</summary>
    public string ContentBase64 { get; private set; }

    /// <summary>When it was received (UTC).</summary>
    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The decrypted content.</summary>
    public byte[] ReadContent() => Convert.FromBase64String(ContentBase64);
}
