using System.Text.Json.Nodes;
using ConversationHub.Bot.Line.Client;
using ConversationHub.Bot.Line.Text;

namespace ConversationHub.Bot.Line.Delivery;

/// <summary>
/// Translates one outbound Bot Framework activity into the LINE message that carries it: the text through
/// <see cref="LineTextFormatter"/>, suggested actions as quick-reply items. Activities with nothing to show on
/// LINE (typing, events) map to null.
/// </summary>
internal static class LineMessageMapper
{
    public const int MaxQuickReplyItems = 13;
    public const int MaxLabelLength = 20;
    public const int MaxActionTextLength = 300;

    public static LineMessage? Map(string activityJson, int maxTextLength, string? siteBaseUrl, string readMoreLabel)
    {
        if (JsonNode.Parse(activityJson) is not JsonObject activity || !string.Equals(StringOf(activity["type"]), "message", StringComparison.Ordinal))
        {
            return null;
        }

        var raw = StringOf(activity["text"]) ?? "";
        var text = string.Equals(StringOf(activity["textFormat"]), "plain", StringComparison.Ordinal)
            ? LineTextFormatter.Cut(raw, maxTextLength, null, readMoreLabel)
            : LineTextFormatter.Format(raw, maxTextLength, siteBaseUrl, readMoreLabel);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var items = (activity["suggestedActions"]?["actions"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(a => ToAction(a, siteBaseUrl))
            .OfType<LineAction>()
            .Take(MaxQuickReplyItems)
            .Select(a => new LineQuickReplyItem(a))
            .ToList();
        return LineMessage.Plain(text, items.Count > 0 ? new LineQuickReply(items) : null);
    }

    // imBack → message action (the citizen "says" the value); postBack/messageBack → postback action whose data is
    // the value, mapped back to a message when it returns; openUrl → uri action.
    private static LineAction? ToAction(JsonObject action, string? siteBaseUrl)
    {
        var title = StringOf(action["title"]);
        var value = StringOf(action["value"]) ?? title;
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var label = Truncate(title, MaxLabelLength);
        return StringOf(action["type"]) switch
        {
            "imBack" when value.Length <= MaxActionTextLength => new LineAction("message", label, Text: value),
            "imBack" or "postBack" or "messageBack" => new LineAction("postback", label, Data: Truncate(value, MaxActionTextLength), DisplayText: Truncate(title, MaxActionTextLength)),
            "openUrl" when Uri.TryCreate(value, UriKind.Absolute, out _) || value.StartsWith('/') => new LineAction("uri", label, Uri: LineLinks.Rewrite(value, siteBaseUrl)),
            _ => null,
        };
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private static string? StringOf(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
