namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>
/// A kept ledger (交付予約受付簿) of one program's day. The unique (program, day) row is the claim that makes it once
/// across nodes; the bytes follow when made.
/// </summary>
internal sealed class ReservationLedger
{
    public ReservationLedger(Guid programId, DateOnly day, DateTime claimedAtUtc)
    {
        Id = Guid.CreateVersion7();
        ProgramId = programId;
        Day = day;
        ClaimedAtUtc = claimedAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid ProgramId { get; private set; }

    public DateOnly Day { get; private set; }

    public DateTime ClaimedAtUtc { get; private set; }

    public DateTime? GeneratedAtUtc { get; private set; }

    /// <summary>How many lines (bookings, changes, cancellations).</summary>
    public int Lines { get; private set; }

    public byte[]? Csv { get; private set; }

    public byte[]? Xlsx { get; private set; }

    public void Complete(int lines, byte[] csv, byte[] xlsx, DateTime nowUtc)
    {
        Lines = lines;
        Csv = csv;
        Xlsx = xlsx;
        GeneratedAtUtc = nowUtc;
    }
}
