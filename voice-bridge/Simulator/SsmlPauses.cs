using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ConversationHub.VoiceBridge.Simulator;

/// <summary>How long the pauses (<c>&lt;break time="10s"/&gt;</c>, <c>"500ms"</c>) of SSML play sources last together.</summary>
internal static partial class SsmlPauses
{
    public static TimeSpan Of(JsonArray playSources)
    {
        var total = TimeSpan.Zero;
        foreach (var source in playSources.OfType<JsonObject>())
        {
            if ((string?)source["ssml"]?["ssmlText"] is not { } ssml)
            {
                continue;
            }

            foreach (Match match in Break().Matches(ssml))
            {
                var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
                total += match.Groups["unit"].Value == "ms" ? TimeSpan.FromMilliseconds(value) : TimeSpan.FromSeconds(value);
            }
        }

        return total;
    }

    [GeneratedRegex("""<break\s+time\s*=\s*["'](?<value>[0-9]+(?:\.[0-9]+)?)(?<unit>ms|s)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex Break();
}
