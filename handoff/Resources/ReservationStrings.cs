namespace ConversationHub.Handoff.Resources;

/// <summary>Marker for the reservations' strings (<c>ReservationStrings.resx</c>, Japanese neutral culture).</summary>
public sealed class ReservationStrings
{
    private ReservationStrings()
    {
    }
}
