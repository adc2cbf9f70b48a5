using ConversationHub.Bot.Line.Webhook;
using ConversationHub.Bot.Persistence;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Persistence;
using ConversationHub.Core.Programs;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Bot.Line.Inbox;

/// <summary>
/// The LINE webhook events (encrypted; they hold the citizen's messages and LINE id) of the citizens who came through a
/// program's LINE entry: every processed event of theirs up to a day after their program conversation ended is deleted.
/// A processed event is only kept to spot LINE's redelivery, which happens within minutes, so an earlier event of the
/// same citizen going too loses nothing; events still waiting to be processed are left to the inbox.
/// </summary>
internal sealed class LineInboxProgramData(HubDbContext hub, BotDbContext db, LineWebhookInbox inbox, TimeProvider time) : IProgramDataPart
{
    public string Kind => "line_webhook_events";

    public async Task<long> CountAsync(Guid programId, CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var (userHash, until) in await CitizensAsync(programId, cancellationToken))
            total += await Processed(userHash, until).LongCountAsync(cancellationToken);
        return total;
    }

    public async Task<long> DisposeAsync(Guid programId, CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var (userHash, until) in await CitizensAsync(programId, cancellationToken))
            total += await Processed(userHash, until).ExecuteDeleteAsync(cancellationToken);
        return total;
    }

    private IQueryable<LineInboxEvent> Processed(string userHash, DateTime untilUtc) =>
        db.LineInbox.Where(e => e.UserHash == userHash && e.State != LineInboxState.Pending && e.ReceivedAtUtc <= untilUtc);

    // The program's LINE citizens, found through their conversations' citizen keys (so this part runs before those
    // keys are disposed of), each with the time up to which their events go.
    private async Task<List<(string UserHash, DateTime UntilUtc)>> CitizensAsync(Guid programId, CancellationToken cancellationToken)
    {
        var conversations = await hub.Conversations.AsNoTracking()
            .Where(c => c.ProgramId == programId && c.Channel == ConversationChannel.Line && c.CitizenKeyHash != ProgramConversations.DisposedMark)
            .Select(c => new { c.CitizenKey, c.EndedAtUtc })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return [.. conversations
            .GroupBy(c => inbox.HashUser(c.CitizenKey))
            .Select(g => (g.Key, g.Max(c => c.EndedAtUtc is { } ended ? ended.AddDays(1) : now)))];
    }
}
