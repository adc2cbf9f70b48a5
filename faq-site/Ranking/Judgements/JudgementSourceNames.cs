using System.Text.Json;

namespace ConversationHub.Faq.Ranking.Judgements;

/// <summary>The stored and wire names of <see cref="JudgementSource"/>: snake case, as in <c>search_click</c>.</summary>
internal static class JudgementSourceNames
{
    public static string ToStored(JudgementSource source) => JsonNamingPolicy.SnakeCaseLower.ConvertName(source.ToString());

    public static JudgementSource Parse(string stored) =>
        TryParse(stored, out var source) ? source : throw new InvalidDataException($"Unknown judgement source '{stored}'.");

    public static bool TryParse(string? name, out JudgementSource source)
    {
        foreach (var candidate in Enum.GetValues<JudgementSource>())
        {
            if (string.Equals(ToStored(candidate), name, StringComparison.Ordinal))
            {
                source = candidate;
                return true;
            }
        }

        source = default;
        return false;
    }
}
