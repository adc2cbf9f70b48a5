using System.Text.Json.Nodes;
using ConversationHub.Core.Conversations.Domain;

namespace ConversationHub.Handoff.Console;

/// <summary>
/// Turns transcript activities into console lines: who spoke, the text, the bot's choices, and whether a citizen's
/// message was a click on one of those choices (「いいえ」, a suggested question) or a key pressed on the phone rather than
/// typed or spoken.
/// </summary>
internal static class TranscriptView
{
    public static List<TranscriptItem> Map(IEnumerable<TranscriptActivity> activities, IReadOnlyCollection<string>? choicesBefore = null)
    {
        var items = new List<TranscriptItem>();
        var lastChoices = choicesBefore ?? [];
        foreach (var activity in activities)
        {
            var json = JsonNode.Parse(activity.ActivityJson) as JsonObject ?? [];
            var text = Str(json["text"]);
            var choices = json["suggestedActions"]?["actions"] is JsonArray actions
                ? actions.Select(a => Str(a?["title"]) ?? Str(a?["value"])).OfType<string>().ToList()
                : [];
            var role = activity.Direction == ActivityDirection.Inbound ? "user" : activity.FromRole;
            // A key pressed on the phone is a choice from the menu too, not words.
            var clicked = role == "user" && text is not null
                && (lastChoices.Contains(text) || json["channelData"]?["postback"]?.GetValueKind() == System.Text.Json.JsonValueKind.True
                    || Str(json["channelData"]?["voice"]?["medium"]) == "dtmf");
            var attachments = json["attachments"] is JsonArray list
                ? list.OfType<JsonObject>().Select(a => new AttachmentItem(Str(a["contentType"]) ?? "application/octet-stream", Str(a["name"]), Str(a["contentUrl"]))).ToList()
                : [];
            items.Add(new TranscriptItem(activity.Sequence, role, activity.Type, Str(json["name"]), text, activity.TimestampUtc, choices, clicked, attachments));
            if (activity.Direction == ActivityDirection.Outbound && activity.Type == "message")
            {
                lastChoices = choices;
            }
        }

        return items;
    }

    /// <summary>The citizen's first typed question, for the queue list.</summary>
    public static string? FirstQuestion(IEnumerable<TranscriptActivity> activities) =>
        Map(activities).FirstOrDefault(i => i.Role == "user" && i.Type == "message" && !i.Clicked && !string.IsNullOrWhiteSpace(i.Text))?.Text;

    private static string? Str(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}
