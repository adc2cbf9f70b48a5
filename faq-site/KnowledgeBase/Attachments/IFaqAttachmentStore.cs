namespace ConversationHub.Faq.KnowledgeBase.Attachments;

/// <summary>Where the bytes of FAQ attachments live; the metadata is in <c>faq_attachments</c>.</summary>
public interface IFaqAttachmentStore
{
    /// <summary>Stores <paramref name="content"/> and returns the new storage key.</summary>
    Task<string> SaveAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>Opens a stored file for reading, or returns null when the key is unknown.</summary>
    Task<Stream?> OpenReadAsync(string storageKey, CancellationToken cancellationToken);

    /// <summary>Removes a stored file; an unknown key is not an error.</summary>
    Task DeleteAsync(string storageKey, CancellationToken cancellationToken);
}
