namespace ConversationHub.Faq.Resources;

/// <summary>Marker for the FAQ translation strings (<c>FaqTranslationStrings.resx</c>, Japanese neutral culture; the notes to citizens in their own language).</summary>
public sealed class FaqTranslationStrings
{
    private FaqTranslationStrings()
    {
    }
}
