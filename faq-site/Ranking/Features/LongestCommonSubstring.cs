namespace ConversationHub.Faq.Ranking.Features;

/// <summary>The length of the longest common substring of two short texts (dynamic programming, one row).</summary>
internal static class LongestCommonSubstring
{
    // Queries and FAQ questions are tens of characters; longer inputs are cut so a pathological query stays cheap.
    public const int MaxLength = 200;

    public static int Length(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length > MaxLength)
            a = a[..MaxLength];
        if (b.Length > MaxLength)
            b = b[..MaxLength];
        if (a.IsEmpty || b.IsEmpty)
            return 0;

        // PERF: one row of the DP table on the stack; row[j + 1] is the common suffix length of a[..i] and b[..j].
        Span<int> row = stackalloc int[b.Length + 1];
        row.Clear();
        var best = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var diagonal = 0;
            for (var j = 0; j < b.Length; j++)
            {
                var above = row[j + 1];
                var run = a[i] == b[j] ? diagonal + 1 : 0;
                row[j + 1] = run;
                diagonal = above;
                if (run > best)
                    best = run;
            }
        }

        return best;
    }
}
