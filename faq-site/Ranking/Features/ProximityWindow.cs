namespace ConversationHub.Faq.Ranking.Features;

/// <summary>How close together the query's words occur in a field's word sequence.</summary>
internal static class ProximityWindow
{
    /// <summary>
    /// For the distinct query words found in <paramref name="sequence"/> (m of them), m divided by the length of the
    /// shortest window holding all m: 1 when they stand side by side, towards 0 as they spread; 0 when fewer than
    /// two query words occur.
    /// </summary>
    public static float Score(ReadOnlySpan<string> sequence, IReadOnlyList<string> queryWords)
    {
        var queryCount = Math.Min(queryWords.Count, 64);
        if (queryCount < 2 || sequence.Length < 2)
            return 0f;

        Span<int> counts = stackalloc int[queryCount];
        counts.Clear();
        Span<int> termAt = sequence.Length <= 512 ? stackalloc int[sequence.Length] : new int[sequence.Length];
        var distinct = 0;
        for (var p = 0; p < sequence.Length; p++)
        {
            termAt[p] = IndexOf(queryWords, queryCount, sequence[p]);
            if (termAt[p] >= 0 && counts[termAt[p]]++ == 0)
                distinct++;
        }

        if (distinct < 2)
            return 0f;

        // Sliding window over positions: grow on the right, shrink on the left while every found word stays inside.
        counts.Clear();
        var inside = 0;
        var best = int.MaxValue;
        var left = 0;
        for (var right = 0; right < sequence.Length; right++)
        {
            if (termAt[right] < 0)
                continue;
            if (counts[termAt[right]]++ == 0)
                inside++;
            while (inside == distinct)
            {
                if (termAt[left] >= 0)
                {
                    best = Math.Min(best, right - left + 1);
                    if (--counts[termAt[left]] == 0)
                        inside--;
                }

                left++;
            }
        }

        return distinct / (float)best;
    }

    private static int IndexOf(IReadOnlyList<string> words, int count, string word)
    {
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(words[i], word, StringComparison.Ordinal))
                return i;
        }

        return -1;
    }
}
