namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>
/// A time at a place with a number of places. <see cref="Booked"/> is only ever changed by one conditional UPDATE
/// (<see cref="SlotCapacity"/>), never read-modify-written, so the database keeps <c>Booked ≤ Capacity</c> under
/// concurrency.
/// </summary>
internal sealed class ReservationSlot
{
    public ReservationSlot(Guid programId, Guid placeId, DateOnly day, TimeOnly starts, TimeOnly ends, int capacity)
    {
        Id = Guid.CreateVersion7();
        ProgramId = programId;
        PlaceId = placeId;
        Day = day;
        Starts = starts;
        Ends = ends;
        Capacity = capacity;
    }

    public Guid Id { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid PlaceId { get; private set; }

    /// <summary>The Japan date.</summary>
    public DateOnly Day { get; private set; }

    /// <summary>Start, Japan time.</summary>
    public TimeOnly Starts { get; private set; }

    /// <summary>End, Japan time.</summary>
    public TimeOnly Ends { get; private set; }

    public int Capacity { get; private set; }

    public int Booked { get; private set; }

    /// <summary>
    /// Closed by an administrator (a staff shortage): no new booking or change lands here, while the reservations it
    /// holds stay. Only changed by <see cref="ReservationSlotAdministration"/>'s one-statement UPDATE.
    /// </summary>
    public bool Closed { get; private set; }
}
