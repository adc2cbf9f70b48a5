namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>Where appointments take place (a counter of the city hall, a branch office).</summary>
internal sealed class ReservationPlace
{
    public const int MaxNameLength = 100;
    public const int MaxAddressLength = 300;

    // For EF Core.
    private ReservationPlace()
    {
        Name = "";
        Address = "";
    }

    public ReservationPlace(Guid programId, string name, string address, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        ProgramId = programId;
        Name = name;
        Address = address;
        CreatedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid ProgramId { get; private set; }

    public string Name { get; set; }

    public string Address { get; set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>
    /// When an administrator removed the place: it gets no new slots and is no longer listed, while its past slots and
    /// reservations stay, under its name, for the ledger.
    /// </summary>
    public DateTime? RemovedAtUtc { get; set; }
}
