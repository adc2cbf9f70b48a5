using ConversationHub.Core.Events;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Mail;

/// <summary>
/// The durable outbox of mail to citizens. A message is enqueued in the caller's own unit of work on
/// <see cref="HandoffDbContext"/> (an approval and its mail commit together, or neither), then sent by exactly one
/// node, retried with backoff, and kept as the case's sent message.
/// </summary>
public sealed partial class MailOutbox
{
    private static readonly System.Buffers.SearchValues<char> NotInLocalPart = System.Buffers.SearchValues.Create("<>@ \t\r\n\"");

    private readonly IServiceScopeFactory _scopes;
    private readonly IHubEvents _events;
    private readonly OutboxSignal _signal;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<MailOutboundOptions> _options;
    private readonly ILogger<MailOutbox> _logger;

    internal MailOutbox(IServiceScopeFactory scopes, IHubEvents events, OutboxSignal signal, TimeProvider time, IOptionsMonitor<MailOutboundOptions> options, ILogger<MailOutbox> logger)
    {
        _scopes = scopes;
        _events = events;
        _signal = signal;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>
    /// Adds <paramref name="draft"/> to <paramref name="db"/>'s outbox; the caller saves. Once saved, every node's sender
    /// is woken (a save inside an explicit transaction is picked up at the next poll, <c>Mail:Outbound:PollInterval</c>,
    /// if the wake-up comes before the commit).
    /// </summary>
    /// <returns>The new row, with its final <see cref="OutboundMail.MessageId"/> (<c>&lt;local@domain&gt;</c>).</returns>
    /// <exception cref="ArgumentException">An address is empty or the Message-ID's local part is malformed.</exception>
    public OutboundMail Enqueue(HandoffDbContext db, MailDraft draft)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.To);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.MessageIdLocalPart);
        ArgumentNullException.ThrowIfNull(draft.References);
        if (draft.MessageIdLocalPart.AsSpan().IndexOfAny(NotInLocalPart) >= 0)
        {
            throw new ArgumentException("The Message-ID's local part may not hold <, >, @, quotes or white space.", nameof(draft));
        }

        if (!MimeKit.MailboxAddress.TryParse(draft.To, out _))
        {
            throw new ArgumentException("The recipient's address cannot be parsed.", nameof(draft));
        }

        var messageId = $"<{draft.MessageIdLocalPart}@{_options.CurrentValue.EffectiveMessageIdDomain}>";
        var mail = new OutboundMail(draft, messageId, _time.GetUtcNow().UtcDateTime);
        db.MailOutbox.Add(mail);
        db.SavedChanges += OnSaved;
        return mail;

        void OnSaved(object? sender, SavedChangesEventArgs e)
        {
            db.SavedChanges -= OnSaved;
            WakeSenders();
        }
    }

    /// <summary>The messages of <paramref name="caseId"/>, oldest first, whatever their state (decrypted).</summary>
    public async Task<IReadOnlyList<OutboundMail>> ForCaseAsync(Guid caseId, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        return await db.MailOutbox.AsNoTracking().Where(m => m.CaseId == caseId).OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Id).ToListAsync(ct);
    }

    internal void WakeSenders()
    {
        _signal.Wake();
        _ = PublishAsync();
    }

    private async Task PublishAsync()
    {
        try
        {
            await _events.PublishAsync(MailTopics.OutboxEnqueued, "{}", CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Other nodes still find the message at their next poll.
            Log.WakeFailed(_logger, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4600, Level = LogLevel.Warning, Message = "Could not wake the other nodes' mail senders")]
        public static partial void WakeFailed(ILogger logger, Exception exception);
    }
}
