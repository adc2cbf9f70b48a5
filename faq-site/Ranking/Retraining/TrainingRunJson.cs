using System.Text.Json;

namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>The JSON columns of <see cref="TrainingRun"/>: progress entries and changed first answers.</summary>
internal static class TrainingRunJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<TrainingProgressEntry> ReadProgress(string json) =>
        JsonSerializer.Deserialize<List<TrainingProgressEntry>>(json, Options) ?? [];

    public static IReadOnlyList<ChangedFirstAnswer> ReadChangedAnswers(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<ChangedFirstAnswer>>(json, Options) ?? [];

    public static string Write<T>(IReadOnlyList<T> items) => JsonSerializer.Serialize(items, Options);
}
