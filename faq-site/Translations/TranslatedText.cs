using System.Text;

namespace ConversationHub.Faq.Translations;

/// <summary>
/// The terms a translated text is matched by, since the Japanese analyser cannot read English, Chinese or Korean:
/// lowercased words without a few function words for English (spaces separate them), character bigrams for
/// Chinese and Korean (no spaces in Chinese; Korean words change their endings, which bigrams absorb).
/// </summary>
internal static class TranslatedText
{
    private static readonly HashSet<string> EnglishStopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "is", "are", "was", "be", "do", "does", "did", "i", "my", "me", "you", "your", "it", "its",
        "of", "to", "in", "on", "for", "and", "or", "can", "how", "what", "when", "where", "which", "who", "will", "with",
        "at", "by", "from", "if", "not", "this", "that", "there", "have", "has", "about", "please",
    };

    public static HashSet<string> Terms(string language, string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        return language == "en" ? Words(folded) : Bigrams(folded);
    }

    private static HashSet<string> Words(string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0 && !EnglishStopWords.Contains(word.ToString()))
            {
                terms.Add(Stem(word.ToString()));
            }

            word.Clear();
        }

        return terms;
    }

    // Plural "s" only: "coupons" finds "coupon"; anything cleverer belongs to a real stemmer.
    private static string Stem(string word) =>
        word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;

    private static HashSet<string> Bigrams(string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        // Runs of letters only: a bigram never spans a space or punctuation.
        var run = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                run.Append(c);
                continue;
            }

            AddBigrams(terms, run.ToString());
            run.Clear();
        }

        return terms;
    }

    private static void AddBigrams(HashSet<string> terms, string run)
    {
        if (run.Length == 1)
        {
            terms.Add(run);
        }

        for (var i = 0; i + 1 < run.Length; i++)
        {
            terms.Add(run.Substring(i, 2));
        }
    }
}
