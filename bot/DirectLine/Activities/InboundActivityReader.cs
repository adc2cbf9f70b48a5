using ConversationHub.Core.Conversations.Domain;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConversationHub.Bot.Engine;

namespace ConversationHub.Bot.DirectLine.Activities;

/// <summary>
/// Validates a posted activity and makes it the server's: <c>id</c> removed (the transcript sequence names it),
/// server <c>timestamp</c>, <c>channelId</c> <c>directline</c>, <c>conversation</c>, and <c>from</c> forced to the
/// token's user with role <c>user</c>. <c>channelData</c> is kept as it came (Web Chat matches its
/// <c>clientActivityID</c> in the echo).
/// </summary>
internal static class InboundActivityReader
{
    private const int MaxTypeLength = 32;
    private const int MaxClientActivityIdLength = 128;
    private const int MaxNameLength = 128;

    /// <summary>The activity, or the reason it is rejected (a 400).</summary>
    public static (InboundActivity? Activity, string? Error) Read(ReadOnlySpan<byte> body, DirectLineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }) as JsonObject;
        }
        catch (JsonException)
        {
            return (null, "The body is not JSON.");
        }

        return json is null ? (null, "The activity must be a JSON object.") : Read(json, options);
    }

    public static (InboundActivity? Activity, string? Error) Read(JsonObject json, DirectLineOptions options)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(options);
        if (StringOf(json["type"]) is not { Length: > 0 and <= MaxTypeLength } type)
        {
            return (null, "The activity needs a type.");
        }

        string? text = null;
        if (json["text"] is { } textNode)
        {
            text = StringOf(textNode);
            if (text is null)
            {
                return (null, "text must be a string.");
            }

            if (text.Length > options.MaxTextLength)
            {
                return (null, $"text is longer than {options.MaxTextLength} characters.");
            }
        }

        string? clientActivityId = null;
        if (json["channelData"] is JsonObject channelData && channelData["clientActivityID"] is { } clientIdNode)
        {
            clientActivityId = StringOf(clientIdNode);
            if (clientActivityId is null or { Length: 0 or > MaxClientActivityIdLength })
            {
                return (null, "channelData.clientActivityID must be a short string.");
            }
        }

        if (json["attachments"] is { } attachments && attachments is not JsonArray)
        {
            return (null, "attachments must be an array.");
        }

        return (new InboundActivity(json, type, text, clientActivityId), null);
    }

    /// <summary>Stamps the server's fields (see the type's summary).</summary>
    public static void Stamp(JsonObject json, Guid conversationId, string userId, DateTime timestampUtc)
    {
        ArgumentNullException.ThrowIfNull(json);
        var name = json["from"] is JsonObject from && StringOf(from["name"]) is { Length: <= MaxNameLength } n ? n : null;
        json.Remove("id");
        json["timestamp"] = ActivityTimestamps.Format(timestampUtc);
        json["channelId"] = "directline";
        json["conversation"] = new JsonObject { ["id"] = conversationId.ToString() };
        json["from"] = name is null
            ? new JsonObject { ["id"] = userId, ["role"] = "user" }
            : new JsonObject { ["id"] = userId, ["name"] = name, ["role"] = "user" };
        json.Remove("recipient");
        json.Remove("serviceUrl");
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
