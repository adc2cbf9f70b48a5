namespace ConversationHub.Host.ReportsBench;

/// <summary><c>reports bench</c>'s result, as printed with <c>--json</c>.</summary>
internal sealed record ReportsBenchResult(
    string Provider, string Runtime, int Cores, BenchScale Scale, FillFigures Fill, IReadOnlyList<BenchTiming> Reports, IReadOnlyList<BenchTiming> Pages);

/// <summary>What the database holds.</summary>
internal sealed record BenchScale(long Conversations, long Messages, long Calls, long Cases, long ContactEvents, string FirstDay, string LastDay);

/// <summary>One report's or page's times over the runs after a warm-up run; <see cref="TargetMs"/> null has no target.</summary>
internal sealed record BenchTiming(string Name, int Runs, double MedianMs, double MaxMs, double? TargetMs, int? Status = null)
{
    /// <summary>Whether the median is within the target (null without one).</summary>
    public bool? Met => TargetMs is { } target ? MedianMs <= target : null;
}
