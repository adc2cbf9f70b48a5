namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>
/// The claim of a reminder: the unique (reservation, day) row makes one node send it once, however many nodes look.
/// A reservation moved to another day gets its own reminder.
/// </summary>
internal sealed class ReservationReminder
{
    public ReservationReminder(Guid reservationId, DateOnly day, DateTime claimedAtUtc)
    {
        ReservationId = reservationId;
        Day = day;
        ClaimedAtUtc = claimedAtUtc;
    }

    public Guid ReservationId { get; private set; }

    public DateOnly Day { get; private set; }

    public DateTime ClaimedAtUtc { get; private set; }

    /// <summary>When its notice was handed to its outbox (which sends and retries it).</summary>
    public DateTime? SentAtUtc { get; set; }
}
