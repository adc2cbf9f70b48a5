using ConversationHub.Core.ContactEvents.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Core.ContactEvents.Services;

/// <summary>
/// Records contact events in <c>contact_events</c>, on the connection of the producer's own context (every module's
/// context is on the one database), inside that context's current transaction when it has one: the event commits or
/// rolls back with the state change it describes, so a killed node loses neither. An event whose
/// <see cref="ContactEvent.SourceKey"/> is already stored is skipped (<c>ON CONFLICT DO NOTHING</c>), so a retried
/// request or a replayed webhook counts once.
/// </summary>
public interface IContactEventRecorder
{
    /// <summary>Stores <paramref name="events"/> (those not stored yet) through <paramref name="db"/>'s connection and transaction.</summary>
    /// <returns>How many were new.</returns>
    Task<int> RecordAsync(DbContext db, IReadOnlyList<ContactEvent> events, CancellationToken cancellationToken);
}

/// <summary>Shorthands for <see cref="IContactEventRecorder"/>.</summary>
public static class ContactEventRecorderExtensions
{
    /// <summary>Stores one event unless its source key is stored already; returns whether it was new.</summary>
    public static async Task<bool> RecordAsync(this IContactEventRecorder recorder, DbContext db, ContactEvent contactEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        return await recorder.RecordAsync(db, [contactEvent], cancellationToken) == 1;
    }

    /// <summary>
    /// Saves <paramref name="db"/>'s changes and records <paramref name="events"/> in one transaction (the context's
    /// current one, or one begun and committed here): the change and its events commit together or not at all.
    /// </summary>
    public static async Task SaveChangesWithAsync(this IContactEventRecorder recorder, DbContext db, IReadOnlyList<ContactEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            await db.SaveChangesAsync(cancellationToken);
            await recorder.RecordAsync(db, events, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
    }
}
