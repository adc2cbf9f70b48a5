namespace ConversationHub.Handoff.Resources;

/// <summary>Marker for the user administration's strings (<c>AdminUserStrings.resx</c>, Japanese neutral culture).</summary>
public sealed class AdminUserStrings
{
    private AdminUserStrings()
    {
    }
}
