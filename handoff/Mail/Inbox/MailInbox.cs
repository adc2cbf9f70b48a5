using ConversationHub.Core.Events;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Handoff.Mail;

/// <summary>
/// Received mail: stored raw first (encrypted), whatever it holds, then parsed and routed by
/// <see cref="IInboundMailRouter"/>. Reads a stored message and its attachments back from the raw bytes.
/// </summary>
public sealed partial class MailInbox
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IHubEvents _events;
    private readonly InboxSignal _signal;
    private readonly TimeProvider _time;
    private readonly ILogger<MailInbox> _logger;

    internal MailInbox(IServiceScopeFactory scopes, IHubEvents events, InboxSignal signal, TimeProvider time, ILogger<MailInbox> logger)
    {
        _scopes = scopes;
        _events = events;
        _signal = signal;
        _time = time;
        _logger = logger;
    }

    /// <summary>A stored message, parsed; null when there is none with that id.</summary>
    public async Task<InboundMessage?> ReadAsync(Guid inboxId, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var mail = await db.MailInbox.AsNoTracking().SingleOrDefaultAsync(m => m.Id == inboxId, cancellationToken);
        return mail is null ? null : InboundMailParser.Parse(mail.Id, mail.RawBytes(), mail.ReceivedAtUtc);
    }

    /// <summary>
    /// An attachment's bytes, read from the stored raw message: <paramref name="index"/> is
    /// <see cref="InboundAttachment.Index"/>. Null when the message or the attachment does not exist.
    /// </summary>
    public async Task<InboundAttachmentContent?> OpenAttachmentAsync(Guid inboxId, int index, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var mail = await db.MailInbox.AsNoTracking().SingleOrDefaultAsync(m => m.Id == inboxId, cancellationToken);
        if (mail is null)
        {
            return null;
        }

        var attachments = InboundMailParser.ReadAttachments(mail.RawBytes());
        return index >= 0 && index < attachments.Count ? attachments[index] : null;
    }

    /// <summary>
    /// Stores a received message and commits it; returns its id. With a <paramref name="sourceKey"/> already stored (a
    /// Maildir file stored before its node died), returns the stored one's id and stores nothing.
    /// </summary>
    internal async Task<Guid> StoreAsync(string source, string? sourceKey, byte[] raw, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        if (sourceKey is not null && await db.MailInbox.Where(m => m.SourceKey == sourceKey).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing;
        }

        var mail = new InboundMail(source, sourceKey, raw, _time.GetUtcNow().UtcDateTime);
        db.MailInbox.Add(mail);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (sourceKey is not null)
        {
            // Another node stored the same file at the same moment.
            db.ChangeTracker.Clear();
            return await db.MailInbox.Where(m => m.SourceKey == sourceKey).Select(m => m.Id).SingleAsync(cancellationToken);
        }

        Log.Stored(_logger, mail.Id, source, mail.Length);
        WakeRouting();
        return mail.Id;
    }

    internal void WakeRouting()
    {
        _signal.Wake();
        _ = PublishAsync();
    }

    private async Task PublishAsync()
    {
        try
        {
            await _events.PublishAsync(MailTopics.InboxReceived, "{}", CancellationToken.None);
        }
        catch (Exception ex)
        {
            Log.WakeFailed(_logger, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4620, Level = LogLevel.Information, Message = "Mail {InboxId} received by {Source} ({Length} bytes) and stored")]
        public static partial void Stored(ILogger logger, Guid inboxId, string source, long length);

        [LoggerMessage(EventId = 4621, Level = LogLevel.Warning, Message = "Could not wake the other nodes' mail routing")]
        public static partial void WakeFailed(ILogger logger, Exception exception);
    }
}
