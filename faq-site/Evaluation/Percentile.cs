namespace ConversationHub.Faq.Evaluation;

/// <summary>Nearest-rank percentiles.</summary>
internal static class Percentile
{
    /// <summary>The smallest value with at least <paramref name="percent"/> % of the values at or below it.</summary>
    public static double NearestRank(IReadOnlyList<double> values, double percent)
    {
        if (values.Count == 0)
            return 0;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
