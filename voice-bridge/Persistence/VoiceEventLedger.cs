using Microsoft.EntityFrameworkCore;

namespace ConversationHub.VoiceBridge.Persistence;

/// <summary>Records each event id once across all nodes; the database's key decides who was first.</summary>
internal sealed class VoiceEventLedger(VoiceDbContext db, TimeProvider time)
{
    internal const string EventGrid = "eventgrid";
    internal const string Callback = "callback";

    /// <summary>True the first time an id is seen; false for a redelivery.</summary>
    public async Task<bool> TryRecordAsync(string source, string eventId, string type, CancellationToken cancellationToken)
    {
        db.ProcessedEvents.Add(new ProcessedVoiceEvent
        {
            Source = source,
            EventId = eventId.Length > 128 ? eventId[..128] : eventId,
            Type = type.Length > 128 ? type[..128] : type,
            ReceivedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var id = eventId.Length > 128 ? eventId[..128] : eventId;
            if (await db.ProcessedEvents.AnyAsync(e => e.Source == source && e.EventId == id, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }
}
