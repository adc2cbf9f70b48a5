using System.Text.Json.Nodes;
using ConversationHub.Core.Conversations.Domain;

namespace ConversationHub.Bot.Engine;

/// <summary>Builders of the Bot Framework activities the bot sends (the writer adds from and timestamp).</summary>
internal static class BotActivities
{
    public static JsonObject Typing(string? replyToId) => WithReplyTo(new JsonObject { ["type"] = "typing" }, replyToId);

    /// <summary>The channelData key that records which FAQ an answer gave, so はい/いいえ can be attributed to it.</summary>
    public const string FaqIdKey = ActivityChannelData.FaqId;

    public static JsonObject Event(string name, JsonNode value, string? replyToId) =>
        WithReplyTo(new JsonObject { ["type"] = "event", ["name"] = name, ["value"] = value }, replyToId);

    public static JsonObject Answer(string text, string? replyToId, Guid faqId, IEnumerable<(string Title, string Value)> imBacks)
    {
        return WithChannelData(Message(text, replyToId, imBacks), FaqIdKey, faqId.ToString());
    }

    /// <summary>Sets one of the platform's keys in the activity's channelData (made when missing), keeping the others.</summary>
    public static JsonObject WithChannelData(JsonObject activity, string key, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var channelData = activity["channelData"] as JsonObject ?? [];
        channelData[key] = value;
        activity["channelData"] = channelData;
        return activity;
    }

    public static JsonObject Message(string text, string? replyToId, IEnumerable<(string Title, string Value)>? imBacks = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["locale"] = BotLanguage.CurrentLocale,
            ["textFormat"] = "markdown",
            ["text"] = text,
        };
        var actions = imBacks?.Select(a => (JsonNode)new JsonObject { ["type"] = "imBack", ["title"] = a.Title, ["value"] = a.Value }).ToArray() ?? [];
        if (actions.Length > 0)
        {
            // No "to": Web Chat shows suggested actions with an empty "to" to whoever reads the conversation.
            activity["suggestedActions"] = new JsonObject { ["actions"] = new JsonArray(actions) };
        }

        return WithReplyTo(activity, replyToId);
    }

    private static JsonObject WithReplyTo(JsonObject activity, string? replyToId)
    {
        if (replyToId is not null)
        {
            activity["replyToId"] = replyToId;
        }

        return activity;
    }
}
