namespace ConversationHub.Faq.Resources;

/// <summary>Marker for the FAQ module's UI strings (<c>FaqStrings.resx</c>, Japanese neutral culture).</summary>
public sealed class FaqStrings
{
    private FaqStrings()
    {
    }
}
