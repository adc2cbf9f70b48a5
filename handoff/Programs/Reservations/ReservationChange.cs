namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>What happened to a reservation, for the daily ledger (交付予約受付簿).</summary>
internal enum ReservationChangeKind
{
    Booked,
    Changed,
    Cancelled,
}

/// <summary>
/// One line of the reservations' history: written in the same transaction as the change it records, so the ledger of a
/// day lists every booking, change and cancellation of that Japan day.
/// </summary>
internal sealed class ReservationChange
{
    public ReservationChange(Guid reservationId, Guid programId, ReservationChangeKind kind, Guid slotId, Guid? previousSlotId, DateOnly japanDay, DateTime atUtc, string by)
    {
        Id = Guid.CreateVersion7();
        ReservationId = reservationId;
        ProgramId = programId;
        Kind = kind;
        SlotId = slotId;
        PreviousSlotId = previousSlotId;
        JapanDay = japanDay;
        AtUtc = atUtc;
        By = by;
    }

    public Guid Id { get; private set; }

    public Guid ReservationId { get; private set; }

    public Guid ProgramId { get; private set; }

    public ReservationChangeKind Kind { get; private set; }

    /// <summary>The slot after the change (the cancelled one for a cancellation).</summary>
    public Guid SlotId { get; private set; }

    /// <summary>The slot before a change.</summary>
    public Guid? PreviousSlotId { get; private set; }

    /// <summary>The Japan date the change was made on: the ledger's day.</summary>
    public DateOnly JapanDay { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string By { get; private set; }
}
