using Microsoft.Extensions.Options;

namespace ConversationHub.Faq.KnowledgeBase.Attachments;

/// <summary>
/// Attachments as files in one local folder. Keys are random (a GUID), never a citizen- or editor-supplied
/// name, so no path can escape the folder. For several nodes, point <see cref="FaqAttachmentOptions.RootPath"/>
/// at a shared volume.
/// </summary>
internal sealed class LocalFolderFaqAttachmentStore(IOptions<FaqAttachmentOptions> options) : IFaqAttachmentStore
{
    private readonly string _root = Path.GetFullPath(options.Value.RootPath);

    public async Task<string> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(_root);
        var key = Guid.CreateVersion7().ToString("N");
        await using var file = new FileStream(PathOf(key)!, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, cancellationToken);
        return key;
    }

    public Task<Stream?> OpenReadAsync(string storageKey, CancellationToken cancellationToken)
    {
        var path = PathOf(storageKey);
        Stream? stream = path is not null && File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string storageKey, CancellationToken cancellationToken)
    {
        var path = PathOf(storageKey);
        if (path is not null)
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    // Only keys this store made (32 hex digits) map to a path.
    private string? PathOf(string storageKey) =>
        Guid.TryParseExact(storageKey, "N", out var id) ? Path.Combine(_root, id.ToString("N")) : null;
}
