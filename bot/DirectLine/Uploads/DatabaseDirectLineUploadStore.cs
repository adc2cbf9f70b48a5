using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;

namespace ConversationHub.Bot.DirectLine.Uploads;

/// <summary>
/// Uploads in the conversation store: encrypted at rest like the rest of the transcript, and served by every node.
/// Keys are <c>&lt;file id:N&gt;.&lt;extension&gt;</c>, parsed back strictly; the extension must agree with the
/// stored type, so a key cannot ask for a file under another type.
/// </summary>
internal sealed class DatabaseDirectLineUploadStore(IConversationStore store, TimeProvider time) : IDirectLineUploadStore
{
    public async Task<string> SaveAsync(Guid conversationId, string extension, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var contentType = UploadContentTypes.ContentTypeOf(extension) ?? throw new ArgumentException($"Unknown extension '{extension}'.", nameof(extension));
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var file = new ConversationFile(conversationId, contentType, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), time.GetUtcNow().UtcDateTime);
        await store.SaveFileAsync(file, cancellationToken);
        return file.Id.ToString("N") + "." + extension;
    }

    public async Task<Stream?> OpenReadAsync(Guid conversationId, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !Guid.TryParseExact(key[..dot], "N", out var fileId) || UploadContentTypes.ContentTypeOf(key[(dot + 1)..]) is not { } contentType)
        {
            return null;
        }

        var file = await store.FindFileAsync(conversationId, fileId, cancellationToken);
        return file is not null && string.Equals(file.ContentType, contentType, StringComparison.Ordinal)
            ? new MemoryStream(file.ReadContent(), writable: false)
            : null;
    }
}
