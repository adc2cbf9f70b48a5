namespace ConversationHub.Handoff.Resources;

/// <summary>Marker for the rule of a program's FAQs after its end (<c>ProgramFaqStrings.resx</c>, Japanese neutral culture), shown on the program editor.</summary>
public sealed class ProgramFaqStrings
{
    private ProgramFaqStrings()
    {
    }
}
