using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.VoiceBridge.Persistence;

/// <summary>
/// Records each event id once across all nodes (the database's key decides who was first) with the event itself,
/// encrypted, until it is handled; the node that took it in holds it for <see cref="Claim"/>, after which
/// <see cref="Acs.VoiceEventRecovery"/> on any node may take it over.
/// </summary>
internal sealed class VoiceEventLedger(VoiceDbContext db, IPiiProtector pii, TimeProvider time)
{
    internal const string EventGrid = "eventgrid";
    internal const string Callback = "callback";
    internal const string PayloadPurpose = "voice.Event";

    /// <summary>How long the node that took an event in (or took it over) holds it before another may.</summary>
    public static readonly TimeSpan Claim = TimeSpan.FromSeconds(30);

    /// <summary>True the first time an id is seen; false for a redelivery.</summary>
    public async Task<bool> TryRecordAsync(string source, string eventId, string type, string payloadJson, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var id = Id(eventId);
        db.ProcessedEvents.Add(new ProcessedVoiceEvent
        {
            Source = source,
            EventId = id,
            Type = type.Length > 128 ? type[..128] : type,
            ReceivedAtUtc = now,
            Payload = pii.Protect(payloadJson, PayloadPurpose),
            ClaimedUntilUtc = now + Claim,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.ProcessedEvents.AnyAsync(e => e.Source == source && e.EventId == id, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    /// <summary>The event is done with: its payload goes (the id stays, for redeliveries).</summary>
    public Task MarkHandledAsync(string source, string eventId, CancellationToken cancellationToken)
    {
        var id = Id(eventId);
        var now = time.GetUtcNow().UtcDateTime;
        return db.ProcessedEvents.Where(e => e.Source == source && e.EventId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.HandledAtUtc, now).SetProperty(e => e.Payload, (string?)null), cancellationToken);
    }

    /// <summary>Events taken in but not handled whose holder's claim ran out (the node stopped): claimed here, decrypted.</summary>
    public async Task<IReadOnlyList<(string Source, string EventId, string Type, DateTime ReceivedAtUtc, string? PayloadJson)>> TakeOverAsync(int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.ProcessedEvents.AsNoTracking()
            .Where(e => e.HandledAtUtc == null && (e.ClaimedUntilUtc == null || e.ClaimedUntilUtc < now))
            .OrderBy(e => e.ReceivedAtUtc).Take(max)
            .Select(e => new { e.Source, e.EventId, e.Type, e.ReceivedAtUtc, e.Payload, e.ClaimedUntilUtc })
            .ToListAsync(cancellationToken);
        var taken = new List<(string, string, string, DateTime, string?)>();
        foreach (var e in due)
        {
            // One node wins each claim: the update matches only while the old claim is still the one read.
            var claimed = await db.ProcessedEvents
                .Where(x => x.Source == e.Source && x.EventId == e.EventId && x.HandledAtUtc == null && x.ClaimedUntilUtc == e.ClaimedUntilUtc)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedUntilUtc, now + Claim), cancellationToken);
            if (claimed == 1)
            {
                taken.Add((e.Source, e.EventId, e.Type, e.ReceivedAtUtc, e.Payload is null ? null : pii.Unprotect(e.Payload, PayloadPurpose)));
            }
        }

        return taken;
    }

    /// <summary>Forgets handled events older than <paramref name="before"/> (a redelivery after that long is not expected).</summary>
    public Task<int> ForgetHandledAsync(DateTime before, CancellationToken cancellationToken) =>
        db.ProcessedEvents.Where(e => e.HandledAtUtc != null && e.ReceivedAtUtc < before).ExecuteDeleteAsync(cancellationToken);

    private static string Id(string eventId) => eventId.Length > 128 ? eventId[..128] : eventId;
}
