using System.Text.Json;
using System.Text.Json.Nodes;
using ConversationHub.Core.Conversations.Domain;

namespace ConversationHub.Bot.Engine;

/// <summary>Reads what the bot needs from stored activities: a message's text, the FAQ an answer gave, what a reply answers.</summary>
internal static class TranscriptText
{
    /// <summary>The text of a message activity; null for other types, empty text or unreadable JSON.</summary>
    public static string? Of(TranscriptActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!string.Equals(activity.Type, "message", StringComparison.Ordinal))
        {
            return null;
        }

        return Parse(activity)?["text"] is JsonValue text && text.TryGetValue<string>(out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
    }

    /// <summary>The FAQ an answer gave (<see cref="BotActivities.FaqIdKey"/>), if any.</summary>
    public static Guid? FaqIdOf(TranscriptActivity activity) =>
        (Parse(activity)?["channelData"] as JsonObject)?[BotActivities.FaqIdKey] is JsonValue id && id.TryGetValue<string>(out var text) && Guid.TryParse(text, out var faqId)
            ? faqId : null;

    /// <summary>The citizen's text that <paramref name="reply"/> answered (its <c>replyToId</c>), when among <paramref name="recent"/>.</summary>
    public static string? QuestionAnsweredBy(Guid conversationId, TranscriptActivity reply, IReadOnlyList<TranscriptActivity> recent)
    {
        var replyToId = Parse(reply)?["replyToId"] is JsonValue value && value.TryGetValue<string>(out var id) ? id : null;
        var question = recent.FirstOrDefault(a => a.Direction == ActivityDirection.Inbound
            && string.Equals(ActivityIds.Format(conversationId, a.Sequence), replyToId, StringComparison.Ordinal));
        return question is null ? null : Of(question);
    }

    public static JsonObject? Parse(TranscriptActivity activity)
    {
        try
        {
            return JsonNode.Parse(activity.ActivityJson) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
