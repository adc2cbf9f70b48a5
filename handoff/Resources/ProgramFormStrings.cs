namespace ConversationHub.Handoff.Resources;

/// <summary>Marker for the program forms' strings (<c>ProgramFormStrings.resx</c>, Japanese neutral culture).</summary>
public sealed class ProgramFormStrings
{
    private ProgramFormStrings()
    {
    }
}
