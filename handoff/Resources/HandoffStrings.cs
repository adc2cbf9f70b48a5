namespace ConversationHub.Handoff.Resources;

/// <summary>Marker for the handoff module's strings (<c>HandoffStrings.resx</c>, Japanese neutral culture).</summary>
public sealed class HandoffStrings
{
    private HandoffStrings()
    {
    }
}
