using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Mail;

/// <summary>
/// Takes in the mail an MDA delivers to a Maildir folder (<c>Mail:Inbound:Maildir</c>; not watched without it). Each
/// file in <c>new/</c> is stored, then moved to <c>cur/</c> with the info <c>:2,S</c> (seen); <c>tmp/</c> is the
/// MDA's and is never read. The file's unique name (before the <c>:</c>) is the row's unique source key, so a file
/// stored by a node that died before the move is not stored again.
/// </summary>
internal sealed partial class MaildirMailWatcher(MailInbox inbox, IOptions<MailInboundOptions> options, ILogger<MaildirMailWatcher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Maildir))
        {
            return;
        }

        var root = Path.GetFullPath(settings.Maildir);
        foreach (var folder in new[] { "new", "cur", "tmp" })
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
        }

        using var watcher = new FileSystemWatcher(Path.Combine(root, "new"));
        watcher.Created += (_, _) => Wake();
        watcher.Renamed += (_, _) => Wake();
        watcher.EnableRaisingEvents = true;
        Log.Watching(logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await IngestAsync(root, stoppingToken);
                await _wake.WaitAsync(settings.MaildirPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.PassFailed(logger, ex.GetType().Name);
                await Task.Delay(settings.MaildirPollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    internal async Task IngestAsync(string root, CancellationToken cancellationToken)
    {
        foreach (var path in Directory.EnumerateFiles(Path.Combine(root, "new")).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetFileName(path);
            if (name.StartsWith('.'))
            {
                continue;
            }

            var unique = name.Split(':', 2)[0];
            byte[] raw;
            try
            {
                raw = await File.ReadAllBytesAsync(path, cancellationToken);
            }
            catch (FileNotFoundException)
            {
                continue; // Taken by another node.
            }

            var id = await inbox.StoreAsync("maildir", "maildir:" + unique, raw, cancellationToken);
            try
            {
                File.Move(path, Path.Combine(root, "cur", unique + ":2,S"), overwrite: true);
            }
            catch (FileNotFoundException)
            {
                // Moved by another node.
            }

            Log.Ingested(logger, id);
        }
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4650, Level = LogLevel.Information, Message = "Watching the Maildir folder for mail")]
        public static partial void Watching(ILogger logger);

        [LoggerMessage(EventId = 4651, Level = LogLevel.Debug, Message = "Maildir file stored as mail {InboxId} and moved to cur/")]
        public static partial void Ingested(ILogger logger, Guid inboxId);

        [LoggerMessage(EventId = 4652, Level = LogLevel.Error, Message = "A pass over the Maildir folder failed ({ErrorType}); it is tried again")]
        public static partial void PassFailed(ILogger logger, string errorType);
    }
}
