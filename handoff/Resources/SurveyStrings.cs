namespace ConversationHub.Handoff.Resources;

/// <summary>Marker for the satisfaction survey's strings (<c>SurveyStrings.resx</c>, Japanese neutral culture).</summary>
public sealed class SurveyStrings
{
    private SurveyStrings()
    {
    }
}
