namespace ConversationHub.Handoff.Resources;

/// <summary>
/// Marker for the strings of programs in other languages (<c>ProgramLanguageStrings.resx</c>, Japanese neutral culture):
/// the program texts page, the form editor's translations, the public form's notes, the console's language badge.
/// </summary>
public sealed class ProgramLanguageStrings
{
    private ProgramLanguageStrings()
    {
    }
}
