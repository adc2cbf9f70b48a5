namespace ConversationHub.Faq.Ranking.Features;

/// <summary>
/// The length of the longest common subsequence of two short texts: the characters they share in the same order,
/// gaps allowed, so 「住民票を取りたい」 still matches most of 「住民票の写しを取得したい」.
/// </summary>
internal static class LongestCommonSubsequence
{
    public static int Length(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        // Same cut as the substring, so one pathological query costs the same in both.
        if (a.Length > LongestCommonSubstring.MaxLength)
            a = a[..LongestCommonSubstring.MaxLength];
        if (b.Length > LongestCommonSubstring.MaxLength)
            b = b[..LongestCommonSubstring.MaxLength];
        if (a.IsEmpty || b.IsEmpty)
            return 0;

        // PERF: one row of the DP table on the stack; row[j + 1] is the LCS length of a[..(i + 1)] and b[..(j + 1)].
        Span<int> row = stackalloc int[b.Length + 1];
        row.Clear();
        for (var i = 0; i < a.Length; i++)
        {
            var diagonal = 0;
            for (var j = 0; j < b.Length; j++)
            {
                var above = row[j + 1];
                row[j + 1] = a[i] == b[j] ? diagonal + 1 : Math.Max(above, row[j]);
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
