namespace ConversationHub.Faq.Resources;

/// <summary>Marker for the FAQ editors' console strings (<c>FaqEditorStrings.resx</c>, Japanese neutral culture).</summary>
public sealed class FaqEditorStrings
{
    private FaqEditorStrings()
    {
    }
}
