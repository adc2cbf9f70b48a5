using System.Text.Json;
using System.Text.Json.Nodes;
using ConversationHub.Bot.DirectLine.Uploads;
using ConversationHub.Bot.Engine;
using ConversationHub.Core.Conversations.Domain;
using Microsoft.AspNetCore.Http;

namespace ConversationHub.Bot.DirectLine.Activities;

/// <summary>
/// Turns transcript activities into what a Direct Line client reads. The transcript keeps channel-neutral JSON;
/// the fields that depend on the channel or the reader are stamped here: <c>id</c> (from the sequence),
/// <c>channelId</c>, <c>conversation</c>, and for uploaded files an absolute, freshly signed <c>contentUrl</c>.
/// </summary>
internal sealed class OutboundActivityWriter(AttachmentLinks links)
{
    public JsonObject ToWire(TranscriptActivity activity, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(activity);
        JsonObject json;
        try
        {
            json = JsonNode.Parse(activity.ActivityJson) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            // Never fail a whole page for one damaged row; the client still sees the sequence advance.
            json = new JsonObject { ["type"] = activity.Type };
        }

        json["id"] = ActivityIds.Format(activity.ConversationId, activity.Sequence);
        json["channelId"] = "directline";
        json["conversation"] = new JsonObject { ["id"] = activity.ConversationId.ToString() };
        json["timestamp"] ??= ActivityTimestamps.Format(activity.TimestampUtc);
        if (json["attachments"] is JsonArray attachments)
        {
            foreach (var attachment in attachments.OfType<JsonObject>())
            {
                if (attachment["contentUrl"] is JsonValue url && url.TryGetValue<string>(out var path) && AttachmentLinks.IsStoredPath(path))
                {
                    attachment["contentUrl"] = links.SignedAbsolute(request, path);
                }
            }
        }

        return json;
    }
}
