namespace ConversationHub.Handoff.Resources;

/// <summary>Marker for the programs' strings (<c>ProgramStrings.resx</c>, Japanese neutral culture): list, editor, entries, console panel.</summary>
public sealed class ProgramStrings
{
    private ProgramStrings()
    {
    }
}
