namespace ConversationHub.Faq.Resources;

/// <summary>Marker for the web chat widget's survey texts (<c>ChatSurveyStrings.resx</c>, Japanese neutral culture).</summary>
public sealed class ChatSurveyStrings
{
    private ChatSurveyStrings()
    {
    }
}
