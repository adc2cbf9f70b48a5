namespace ConversationHub.Faq.Translations;

/// <summary>The languages FAQs are translated into, besides Japanese (the original): BCP 47 primary tags.</summary>
public static class FaqLanguages
{
    public const string Japanese = "ja";

    /// <summary>English, Chinese (simplified), Korean: the languages the city's programs answer in.</summary>
    public static IReadOnlyList<string> Translated { get; } = ["en", "zh", "ko"];

    /// <summary>The translated language <paramref name="language"/> names (case ignored), or null (Japanese, unknown, none).</summary>
    public static string? Normalize(string? language)
    {
        var tag = language?.Trim().ToLowerInvariant();
        return tag is not null && Translated.Contains(tag, StringComparer.Ordinal) ? tag : null;
    }
}
