using System.Text.Json.Serialization;

namespace ConversationHub.Bot.Line.Client;

// The request bodies we send, as LINE's messaging-api.yml names them (ReplyMessageRequest, PushMessageRequest,
// ShowLoadingAnimationRequest, TextMessage, QuickReply, QuickReplyItem, MessageAction/PostbackAction/URIAction).

/// <summary>POST /v2/bot/message/reply.</summary>
internal sealed record LineReplyRequest(string ReplyToken, IReadOnlyList<LineMessage> Messages);

/// <summary>POST /v2/bot/message/push (with <c>X-Line-Retry-Key</c>).</summary>
internal sealed record LinePushRequest(string To, IReadOnlyList<LineMessage> Messages);

/// <summary>POST /v2/bot/chat/loading/start.</summary>
internal sealed record LineLoadingRequest(string ChatId, int LoadingSeconds);

/// <summary>A text message (the only kind the bot sends), with its quick replies.</summary>
internal sealed record LineMessage(string Type, string Text, LineQuickReply? QuickReply = null)
{
    public static LineMessage Plain(string text, LineQuickReply? quickReply = null) => new("text", text, quickReply);
}

internal sealed record LineQuickReply(IReadOnlyList<LineQuickReplyItem> Items);

internal sealed record LineQuickReplyItem(LineAction Action, string Type = "action");

/// <summary>
/// A quick-reply action: <c>message</c> (label, text), <c>postback</c> (label, data, displayText) or <c>uri</c>
/// (label, uri). Unused members are left out of the JSON.
/// </summary>
internal sealed record LineAction(string Type, string Label, string? Text = null, string? Data = null, string? DisplayText = null, string? Uri = null);

/// <summary>LINE's error body: <c>{"message": "...", "details": [...]}</c>.</summary>
internal sealed record LineErrorResponse(string? Message);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LineReplyRequest))]
[JsonSerializable(typeof(LinePushRequest))]
[JsonSerializable(typeof(LineLoadingRequest))]
[JsonSerializable(typeof(LineErrorResponse))]
internal sealed partial class LineJsonContext : JsonSerializerContext;
