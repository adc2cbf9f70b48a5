namespace ConversationHub.Handoff.Resources;

/// <summary>Marker for the programs' data disposal strings (<c>ProgramDisposalStrings.resx</c>, Japanese neutral culture).</summary>
public sealed class ProgramDisposalStrings
{
    private ProgramDisposalStrings()
    {
    }
}
