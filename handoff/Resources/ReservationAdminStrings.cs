namespace ConversationHub.Handoff.Resources;

/// <summary>Marker for reservation administration's strings (slots, places, failed notices) (<c>ReservationAdminStrings.resx</c>, Japanese neutral culture).</summary>
public sealed class ReservationAdminStrings
{
    private ReservationAdminStrings()
    {
    }
}
