namespace ConversationHub.Core.Programs;

/// <summary>
/// A program's appointment book (予約): the built-in one of the handoff module (the embedded default) or a city's own
/// reservation system behind an adapter that replaces the registration. The agents' console and the bot (which must
/// not reference handoff) both drive it through this contract, one step per citizen's answer: the next free days, the
/// free times of a day, then book; change or cancel by reservation number + phone.
/// </summary>
/// <remarks>
/// Nothing here throws for a citizen's mistake or a full slot: every outcome is a <see cref="ReservationResult"/> whose
/// <see cref="ReservationResult.Message"/> is Japanese text fit to say or show to the citizen. Capacity is the
/// system's to enforce: of many simultaneous bookings for the last place only one succeeds.
/// </remarks>
public interface IReservationSystem
{
    /// <summary>
    /// Up to <paramref name="count"/> bookable days with at least one free place, earliest first (empty when the program
    /// is unknown, out of service or full).
    /// </summary>
    Task<IReadOnlyList<ReservationDay>> NextFreeDaysAsync(string programCode, int count, CancellationToken cancellationToken);

    /// <summary>The free times of <paramref name="day"/> (Japan date), earliest first; empty when none or not bookable.</summary>
    Task<IReadOnlyList<ReservationTime>> FreeTimesAsync(string programCode, DateOnly day, CancellationToken cancellationToken);

    /// <summary>Books one place in <see cref="ReservationRequest.SlotId"/>; on success the reservation carries its new number.</summary>
    Task<ReservationResult> BookAsync(ReservationRequest request, CancellationToken cancellationToken);

    /// <summary>Moves the reservation <paramref name="number"/> (checked with <paramref name="phone"/>) to <paramref name="newSlotId"/>.</summary>
    Task<ReservationResult> ChangeAsync(string programCode, string number, string phone, string newSlotId, ReservationActor actor, CancellationToken cancellationToken);

    /// <summary>Cancels the reservation <paramref name="number"/> (checked with <paramref name="phone"/>); its place is given back.</summary>
    Task<ReservationResult> CancelAsync(string programCode, string number, string phone, ReservationActor actor, CancellationToken cancellationToken);

    /// <summary>The reservation <paramref name="number"/> when <paramref name="phone"/> is the one it was booked with.</summary>
    Task<ReservationResult> FindAsync(string programCode, string number, string phone, CancellationToken cancellationToken);
}
