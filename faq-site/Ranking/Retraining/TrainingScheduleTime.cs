using System.Globalization;
using ConversationHub.Faq.Ranking.Reranking;

namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>Reads <see cref="FaqRankingOptions.TrainingSchedule"/> and says when a day's scheduled run is due (Japan time).</summary>
internal static class TrainingScheduleTime
{
    // Japan has no daylight saving, so a fixed offset is exact.
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    /// <summary>The configured time of day, or null when there is no schedule (or it cannot be read; start-up refuses that).</summary>
    public static TimeOnly? Parse(string? text) =>
        !string.IsNullOrWhiteSpace(text) && TimeOnly.TryParseExact(text.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>A one-line message when the schedule settings are wrong; null when they are fine.</summary>
    public static string? Check(FaqRankingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = FaqRankingOptions.SectionName;
        if (!string.IsNullOrWhiteSpace(options.TrainingSchedule) && Parse(options.TrainingSchedule) is null)
            return $"{section}:{nameof(FaqRankingOptions.TrainingSchedule)} must be a time of day in Japan time written HH:mm (e.g. \"02:30\"), not \"{options.TrainingSchedule}\"; leave it empty for no schedule.";
        if (options.AutoPromote && string.IsNullOrWhiteSpace(options.TrainingSchedule))
            return $"{section}:{nameof(FaqRankingOptions.AutoPromote)} is true but {section}:{nameof(FaqRankingOptions.TrainingSchedule)} is empty: only scheduled runs promote by themselves; set a time such as \"02:30\" or set AutoPromote to false.";
        return null;
    }

    /// <summary>The Japan-time day whose scheduled run is due at <paramref name="nowUtc"/>; null before the day's time or without a schedule.</summary>
    public static DateOnly? DueDay(TimeOnly? scheduled, DateTimeOffset nowUtc)
    {
        if (scheduled is not { } at)
            return null;
        var local = nowUtc.ToOffset(Japan);
        return TimeOnly.FromDateTime(local.DateTime) >= at ? DateOnly.FromDateTime(local.DateTime) : null;
    }
}
