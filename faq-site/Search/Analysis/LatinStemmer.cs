namespace ConversationHub.Faq.Search.Analysis;

/// <summary>
/// Light English stemming (Harman's S-stemmer): plural endings only, which is what Latin words in
/// city-hall FAQs (mynumber cards, pdfs, ids) need without over-conflating.
/// </summary>
internal static class LatinStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 3)
            return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && !word.EndsWith("eies", StringComparison.Ordinal)
            && !word.EndsWith("aies", StringComparison.Ordinal))
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        if (word.EndsWith("es", StringComparison.Ordinal) && !word.EndsWith("aes", StringComparison.Ordinal)
            && !word.EndsWith("ees", StringComparison.Ordinal) && !word.EndsWith("oes", StringComparison.Ordinal))
            return word[..^1];
        if (word.EndsWith('s') && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("ss", StringComparison.Ordinal))
            return word[..^1];
        return word;
    }
}
