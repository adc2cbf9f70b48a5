namespace ConversationHub.Handoff.Resources;

/// <summary>Marker for the programs' roster strings (<c>RosterStrings.resx</c>, Japanese neutral culture).</summary>
public sealed class RosterStrings
{
    private RosterStrings()
    {
    }
}
