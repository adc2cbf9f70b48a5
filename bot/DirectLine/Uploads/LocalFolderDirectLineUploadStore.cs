using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.DirectLine.Uploads;

/// <summary>
/// Uploads as files in one local folder, one sub-folder per conversation. Keys are random and parsed back strictly
/// (a GUID and a known extension), never taken from the citizen's file name, so no path can escape the folder. For
/// several nodes, point <see cref="DirectLineOptions.UploadRootPath"/> at a shared volume.
/// </summary>
internal sealed class LocalFolderDirectLineUploadStore(IOptions<DirectLineOptions> options) : IDirectLineUploadStore
{
    private readonly string _root = Path.GetFullPath(options.Value.UploadRootPath);

    public async Task<string> SaveAsync(Guid conversationId, string extension, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (UploadContentTypes.ContentTypeOf(extension) is null)
        {
            throw new ArgumentException($"Unknown extension '{extension}'.", nameof(extension));
        }

        var folder = Path.Combine(_root, conversationId.ToString("N"));
        Directory.CreateDirectory(folder);
        var key = Guid.NewGuid().ToString("N") + "." + extension;
        await using var file = new FileStream(Path.Combine(folder, key), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, cancellationToken);
        return key;
    }

    public Task<Stream?> OpenReadAsync(Guid conversationId, string key, CancellationToken cancellationToken)
    {
        var path = PathOf(conversationId, key);
        Stream? stream = path is not null && File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    private string? PathOf(Guid conversationId, string key)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && Guid.TryParseExact(key[..dot], "N", out var id) && UploadContentTypes.ContentTypeOf(key[(dot + 1)..]) is not null
            ? Path.Combine(_root, conversationId.ToString("N"), id.ToString("N") + key[dot..])
            : null;
    }
}
