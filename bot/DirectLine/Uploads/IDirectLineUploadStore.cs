namespace ConversationHub.Bot.DirectLine.Uploads;

/// <summary>Files citizens sent in a conversation, stored under random keys.</summary>
internal interface IDirectLineUploadStore
{
    /// <summary>Stores the file and returns its key (<c>&lt;32 hex digits&gt;.&lt;extension&gt;</c>).</summary>
    Task<string> SaveAsync(Guid conversationId, string extension, Stream content, CancellationToken cancellationToken);

    /// <summary>The stored file, or null when the key is unknown or not of this conversation.</summary>
    Task<Stream?> OpenReadAsync(Guid conversationId, string key, CancellationToken cancellationToken);
}
