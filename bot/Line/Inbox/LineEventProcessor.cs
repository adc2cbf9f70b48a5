using System.Text.Json;
using System.Text.Json.Nodes;
using ConversationHub.Bot.Engine;
using ConversationHub.Bot.Line.Client;
using ConversationHub.Bot.Line.Resources;
using ConversationHub.Bot.Line.Text;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Logging;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Programs;
using ConversationHub.Faq.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Line.Inbox;

/// <summary>
/// Processes one inbox event: the citizen's activity goes into the transcript first (keyed by the webhook event id,
/// so processing again after a crash adds nothing), then the bot is asked for a turn or a short reply is written.
/// Replies are outbound transcript activities like the bot's; the LINE sender delivers them.
/// </summary>
internal sealed partial class LineEventProcessor(
    IConversationStore store,
    BotTurnQueue turns,
    BotActivityWriter writer,
    LineMessagingClient client,
    IStringLocalizer<LineStrings> strings,
    IOptionsMonitor<FaqSiteOptions> site,
    IProgramDirectory programs,
    TimeProvider time,
    ILogger<LineEventProcessor> logger)
{
    public const string ClientIdPrefix = "line:";

    // The transcript key of the satisfaction survey's questions after consent (the handoff module writes them).
    private const string SurveyQuestionKeyPrefix = "hub:survey:";

    public async Task ProcessAsync(LineInboxEvent row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.UserId is not { } userId)
        {
            // Group and room events without a user: the account talks one-to-one only.
            return;
        }

        using var document = JsonDocument.Parse(row.EventJson);
        var e = document.RootElement;
        switch (row.EventType)
        {
            case "message" when e.TryGetProperty("message", out var message):
                await OnMessageAsync(row, userId, message, cancellationToken);
                break;
            case "postback" when e.TryGetProperty("postback", out var postback) && StringOf(postback, "data") is { Length: > 0 } data:
                // Our quick-reply postbacks carry the suggested action's value: the citizen chose it, as if typed.
                await OnTextAsync(row, userId, data, new JsonObject { ["postback"] = true }, cancellationToken);
                break;
            case "follow":
                await OnFollowAsync(row, userId, cancellationToken);
                break;
            case "unfollow":
                await OnUnfollowAsync(row, userId, cancellationToken);
                break;
            default:
                Log.Ignored(logger, row.WebhookEventId, row.EventType);
                break;
        }
    }

    private async Task OnMessageAsync(LineInboxEvent row, string userId, JsonElement message, CancellationToken cancellationToken)
    {
        var type = StringOf(message, "type");
        var details = new JsonObject { ["messageType"] = type, ["messageId"] = StringOf(message, "id") };
        switch (type)
        {
            case "text":
                await OnTextAsync(row, userId, StringOf(message, "text") ?? "", details, cancellationToken);
                return;
            case "sticker":
                details["packageId"] = StringOf(message, "packageId");
                details["stickerId"] = StringOf(message, "stickerId");
                await RecordAndReplyAsync(row, userId, Inbound("message", null, details), "StickerReply", cancellationToken);
                return;
            case "image":
                await OnImageAsync(row, userId, message, details, cancellationToken);
                return;
            case "location":
                await RecordAndReplyAsync(row, userId, Inbound("message", null, details), "LocationReply", cancellationToken);
                return;
            default:
                await RecordAndReplyAsync(row, userId, Inbound("message", null, details), "UnsupportedReply", cancellationToken);
                return;
        }
    }

    private async Task OnTextAsync(LineInboxEvent row, string userId, string text, JsonObject details, CancellationToken cancellationToken)
    {
        var conversation = await OpenConversationAsync(userId, cancellationToken, text);
        using var logScope = ConversationLogScope.Begin(logger, conversation.Id);
        await EnterProgramByKeywordAsync(conversation, text, cancellationToken);
        var forBot = conversation.Owner is ConversationOwner.Bot or ConversationOwner.Queued;
        var (stored, isNew) = await AppendInboundAsync(conversation, row, Inbound("message", text, details), cancellationToken, forBot);
        if (!isNew)
        {
            return;
        }

        if (conversation.Owner == ConversationOwner.Bot)
        {
            // The animation covers the bot's search; it ends by itself when the answer arrives. Best effort.
            var shown = await client.ShowLoadingAsync(userId, cancellationToken);
            if (!shown.IsSuccess)
            {
                Log.LoadingFailed(logger, shown.Status);
            }
        }

        // Queued conversations get a turn (the bot tells the place); an agent's or a closed one's need none.
        if (forBot)
        {
            turns.Enqueue(new BotTurn(BotTurnKind.Message, conversation.Id, stored.Sequence));
        }
    }

    private async Task OnImageAsync(LineInboxEvent row, string userId, JsonElement message, JsonObject details, CancellationToken cancellationToken)
    {
        var conversation = await OpenConversationAsync(userId, cancellationToken);
        using var logScope = ConversationLogScope.Begin(logger, conversation.Id);
        var activity = Inbound("message", null, details);
        var fromLine = !message.TryGetProperty("contentProvider", out var provider) || StringOf(provider, "type") is null or "line";
        if (conversation.Owner == ConversationOwner.Agent && fromLine && StringOf(message, "id") is { } messageId
            && await client.GetContentAsync(messageId, cancellationToken) is { } content)
        {
            // The agent sees the picture: it goes into the transcript, whose activity JSON is encrypted at rest.
            activity["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = content.ContentType,
                ["contentUrl"] = $"data:{content.ContentType};base64,{Convert.ToBase64String(content.Bytes)}",
            });
        }

        var (stored, isNew) = await AppendInboundAsync(conversation, row, activity, cancellationToken);
        if (isNew && conversation.Owner == ConversationOwner.Bot)
        {
            BotLanguage.Apply(conversation.Language);
            await writer.SendNowAsync(conversation, BotActivities.Message(strings["ImageReply"], ActivityIds.Format(conversation.Id, stored.Sequence)), cancellationToken);
        }
    }

    // Stickers, locations and other kinds: recorded for the agent, and while the bot answers, a polite reply.
    // The reply is named by its key and looked up in the conversation's language (a program's citizen may have chosen one).
    private async Task RecordAndReplyAsync(LineInboxEvent row, string userId, JsonObject activity, string replyKey, CancellationToken cancellationToken)
    {
        var conversation = await OpenConversationAsync(userId, cancellationToken);
        using var logScope = ConversationLogScope.Begin(logger, conversation.Id);
        var (stored, isNew) = await AppendInboundAsync(conversation, row, activity, cancellationToken);
        if (isNew && conversation.Owner == ConversationOwner.Bot)
        {
            BotLanguage.Apply(conversation.Language);
            await writer.SendNowAsync(conversation, BotActivities.Message(strings[replyKey], ActivityIds.Format(conversation.Id, stored.Sequence)), cancellationToken);
        }
    }

    private async Task OnFollowAsync(LineInboxEvent row, string userId, CancellationToken cancellationToken)
    {
        var conversation = await OpenConversationAsync(userId, cancellationToken);
        using var logScope = ConversationLogScope.Begin(logger, conversation.Id);
        var (stored, isNew) = await AppendInboundAsync(conversation, row, Inbound("event", null, null, "line.follow"), cancellationToken);
        if (isNew && conversation.Owner == ConversationOwner.Bot)
        {
            var origin = site.CurrentValue.PublicBaseUrl;
            var link = string.IsNullOrWhiteSpace(origin) ? "/" : LineLinks.Rewrite(origin.TrimEnd('/') + "/", origin);
            var greeting = BotActivities.Message(string.Format(System.Globalization.CultureInfo.InvariantCulture, strings["FollowGreeting"], link), ActivityIds.Format(conversation.Id, stored.Sequence));
            greeting["textFormat"] = "plain";
            await writer.SendNowAsync(conversation, greeting, cancellationToken);
        }
    }

    // Blocked: the conversation ends (a queued one is abandoned); the next follow or message starts a new one.
    private async Task OnUnfollowAsync(LineInboxEvent row, string userId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await store.FindOpenAsync(ConversationChannel.Line, userId, cancellationToken) is not { } conversation)
            {
                return;
            }

            await AppendInboundAsync(conversation, row, Inbound("event", null, null, "line.unfollow"), cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            if (conversation.Owner == ConversationOwner.Queued)
            {
                conversation.Abandon(now);
            }
            else
            {
                conversation.Close(LineConversationReasons.UserLeft, now);
            }

            try
            {
                await store.SaveAsync(conversation, cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException)
            {
                // An agent moved it meanwhile: read it again and close what it is now.
            }
        }
    }

    // A program's LINE keyword (its rich-menu button sends it too) makes the bot's conversation the program's while the
    // program is in service, before the message is stored, so the arrival's contact event carries the program.
    private async Task EnterProgramByKeywordAsync(Conversation conversation, string text, CancellationToken cancellationToken)
    {
        if (conversation.Owner != ConversationOwner.Bot || conversation.ProgramId is not null
            || await programs.FindByLineKeywordAsync(text, cancellationToken) is not { InService: true } program)
        {
            return;
        }

        conversation.EnterProgram(program.Id);
        await store.SaveAsync(conversation, cancellationToken);
    }

    private async Task<Conversation> OpenConversationAsync(string userId, CancellationToken cancellationToken, string? text = null) =>
        await store.FindOpenAsync(ConversationChannel.Line, userId, cancellationToken)
        ?? await AwaitingAnswerAsync(userId, text, cancellationToken)
        ?? await store.StartAsync(ConversationChannel.Line, userId, cancellationToken);

    // After an agent closed the chat, a tap on one of the survey's consent choices answers it, in that conversation;
    // anything else the citizen writes starts a new conversation with the bot, as usual. Once the citizen has agreed,
    // the survey's questions (keyed "hub:survey:…" by the handoff module) take any text: free text, numbers, スキップ.
    private async Task<Conversation?> AwaitingAnswerAsync(string userId, string? text, CancellationToken cancellationToken)
    {
        if (text is null || await store.FindAwaitingSurveyAsync(ConversationChannel.Line, userId, time.GetUtcNow().UtcDateTime, cancellationToken) is not { } closed)
        {
            return null;
        }

        var recent = await store.ReadAsync(closed.Id, Math.Max(0, closed.LastSequence - 5), 5, cancellationToken);
        var question = recent.LastOrDefault(a => a.Direction == ActivityDirection.Outbound && a.Type == "message");
        if (question?.ClientActivityId?.StartsWith(SurveyQuestionKeyPrefix, StringComparison.Ordinal) == true)
        {
            return closed;
        }

        if (question is null || JsonNode.Parse(question.ActivityJson)?["suggestedActions"]?["actions"] is not JsonArray choices)
        {
            return null;
        }

        return choices.Any(c => string.Equals(c?["value"]?.GetValue<string>(), text, StringComparison.Ordinal)) ? closed : null;
    }

    // Only text (and postbacks, which arrive as text) waits for a bot turn. Stickers, images, locations, follow and
    // unfollow are answered here, so they are stored as done: the sweep of unanswered turns must not greet or search
    // a second time.
    private async Task<(TranscriptActivity Stored, bool IsNew)> AppendInboundAsync(Conversation conversation, LineInboxEvent row, JsonObject activity, CancellationToken cancellationToken, bool forBot = false)
    {
        var now = time.GetUtcNow().UtcDateTime;
        activity["timestamp"] = ActivityTimestamps.Format(now);
        activity["channelId"] = "line";
        activity["from"] = new JsonObject { ["id"] = ClientIdPrefix + row.UserHash[..Math.Min(16, row.UserHash.Length)], ["role"] = "user" };
        var line = activity["channelData"] as JsonObject ?? new JsonObject();
        activity.Remove("channelData");
        line["webhookEventId"] = row.WebhookEventId;
        // The reply token travels with the activity (encrypted with it); the sender spends it through the inbox row,
        // which records that it was used, within LineChannelOptions.ReplyTokenLifetime of receivedAt.
        line["replyToken"] = ReplyTokenOf(row);
        line["receivedAt"] = ActivityTimestamps.Format(row.ReceivedAtUtc);
        activity["channelData"] = new JsonObject { ["line"] = line };
        var candidate = new TranscriptActivity(conversation.Id, ActivityDirection.Inbound, activity["type"]!.GetValue<string>(), "user", activity.ToJsonString(), now)
        {
            ClientActivityId = ClientIdPrefix + row.WebhookEventId,
            Turn = forBot ? TurnState.Pending : TurnState.Done,
        };
        var stored = await store.AppendAsync(candidate, cancellationToken);
        return (stored, stored.Id == candidate.Id);
    }

    private static JsonObject Inbound(string type, string? text, JsonObject? details, string? name = null)
    {
        var activity = new JsonObject { ["type"] = type, ["locale"] = "ja-JP" };
        if (text is not null)
        {
            activity["text"] = text;
            activity["textFormat"] = "plain";
        }

        if (name is not null)
        {
            activity["name"] = name;
        }

        if (details is not null)
        {
            activity["channelData"] = details;
        }

        return activity;
    }

    private static string? ReplyTokenOf(LineInboxEvent row)
    {
        using var document = JsonDocument.Parse(row.EventJson);
        return StringOf(document.RootElement, "replyToken");
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 3300, Level = LogLevel.Debug, Message = "LINE event {WebhookEventId} of type {EventType} ignored")]
        public static partial void Ignored(ILogger logger, string webhookEventId, string eventType);

        [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "LINE loading animation not shown: status {Status}")]
        public static partial void LoadingFailed(ILogger logger, int status);
    }
}
