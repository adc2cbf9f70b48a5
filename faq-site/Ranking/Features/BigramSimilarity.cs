namespace ConversationHub.Faq.Ranking.Features;

/// <summary>Dice similarity of two short texts over their distinct character bigrams (script-agnostic, no analysis).</summary>
internal static class BigramSimilarity
{
    public static HashSet<int> Bigrams(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var set = new HashSet<int>();
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) || char.IsWhiteSpace(text[i + 1]))
                continue;
            set.Add((text[i] << 16) | text[i + 1]);
        }

        return set;
    }

    public static float Dice(HashSet<int> a, HashSet<int> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
            return 0f;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var common = 0;
        foreach (var gram in small)
        {
            if (large.Contains(gram))
                common++;
        }

        return 2f * common / (a.Count + b.Count);
    }
}
