using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConversationHub.Bot.Line.Webhook;
using ConversationHub.Bot.Persistence;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Line;

/// <summary>
/// The LINE channel end to end over real HTTP: signed webhooks into the platform, the bot's answers out to a stub
/// LINE API on 127.0.0.1, on SQLite and on PostgreSQL.
/// </summary>
public abstract class LineChannelTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : LineHostFixture
{
    private LineStubApi Stub => fixture.Stub;

    private LineWebhookClient Webhook => fixture.Webhook;

    [Fact]
    public async Task Webhook_QuestionWithFreshToken_ReplyWithQuickRepliesAfterLoading()
    {
        // Arrange
        var ct = TestTimeout.Token();
        var user = LineWebhookClient.NewUserId();
        var token = "rt-" + Guid.NewGuid().ToString("N");

        // Act
        var status = await Webhook.PostAsync(ct, LineWebhookClient.Text(user, "粗大ごみの出し方を教えてください", token));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var reply = (await Eventually.UntilAsync(() => Stub.Replies(token).FirstOrDefault(), "the reply", ct)).Json;
        await Eventually.UntilAsync(() => SentTexts(user, token).Any(t => t.Contains("解決しましたか", StringComparison.Ordinal)) ? "" : null, "the whole answer", ct);
        var messages = reply.GetProperty("messages").EnumerateArray().ToList();
        Assert.InRange(messages.Count, 1, 5);
        Assert.Contains(SentTexts(user, token), t => t.Contains(LineHostFixture.SiteOrigin + "/faq/", StringComparison.Ordinal) && t.Contains("utm_source=line", StringComparison.Ordinal));
        var labels = QuickReplyLabels(Stub.Replies(token).Concat(Stub.Pushes(user)).Last().Json);
        Assert.Contains("はい", labels);
        Assert.Contains("いいえ", labels);
        Assert.NotEmpty(Stub.Loadings(user));

        var transcript = await TranscriptAsync(user, ct);
        Assert.Equal((ActivityDirection.Inbound, "粗大ごみの出し方を教えてください"), (transcript[0].Direction, TextOf(transcript[0])));
        // The transcript shows staff that each message reached LINE; typing indicators are not LINE messages.
        var delivered = await Eventually.UntilAsync(async () => (await TranscriptAsync(user, ct)) is var all
            && all.Where(a => a.Direction == ActivityDirection.Outbound && a.Type == "message").ToList() is { Count: > 0 } sent
            && sent.All(a => a.Delivery == DeliveryState.Delivered) ? all : null, "delivery recorded in the transcript", ct);
        Assert.All(delivered.Where(a => a.Type == "typing"), a => Assert.Equal(DeliveryState.NotRequired, a.Delivery));
    }

    [Fact]
    public async Task Webhook_StaleReplyToken_PushWithRetryKey()
    {
        var ct = TestTimeout.Token();
        var user = LineWebhookClient.NewUserId();
        var token = "stale-" + Guid.NewGuid().ToString("N");

        await Webhook.PostAsync(ct, LineWebhookClient.Text(user, "こんにちは", token, DateTimeOffset.UtcNow.AddMinutes(-2)));

        var push = await Eventually.UntilAsync(() => Stub.Pushes(user).FirstOrDefault(), "the push", ct);
        Assert.True(Guid.TryParse(push.RetryKey, out _), push.RetryKey);
        Assert.Equal(200, push.Status);
        Assert.Empty(Stub.Replies(token));
    }

    [Fact]
    public async Task Webhook_ReplyTokenRefused_PushInstead()
    {
        var ct = TestTimeout.Token();
        var user = LineWebhookClient.NewUserId();
        var token = "refused-" + Guid.NewGuid().ToString("N");
        Stub.RefuseReplyToken(token);

        await Webhook.PostAsync(ct, LineWebhookClient.Text(user, "こんにちは", token));

        var push = await Eventually.UntilAsync(() => Stub.Pushes(user).FirstOrDefault(), "the push", ct);
        Assert.Equal(400, Assert.Single(Stub.Replies(token)).Status);
        Assert.NotNull(push.RetryKey);
    }

    [Fact]
    public async Task Push_ServerErrorThenSuccess_RetriedOnceWithSameKey()
    {
        var ct = TestTimeout.Token();
        var user = LineWebhookClient.NewUserId();
        Stub.FailNextPushes(user, 500);

        await Webhook.PostAsync(ct, LineWebhookClient.Text(user, "こんにちは", "old-token", DateTimeOffset.UtcNow.AddMinutes(-5)));

        await Eventually.UntilAsync(() => Stub.Pushes(user).FirstOrDefault(p => p.Status == 200), "the retried push", ct);
        var pushes = Stub.Pushes(user).ToList();
        Assert.Equal([500, 200], pushes.Select(p => p.Status));
        Assert.Equal(pushes[0].RetryKey, pushes[1].RetryKey);
        Assert.Equal(pushes[0].Body, pushes[1].Body);
        // LINE answers before the sender records it: wait for the record, whatever it says.
        var deliveries = await Eventually.UntilAsync(async () => await DeliveriesAsync(user, ct) is { Count: > 0 } all && all.All(d => d.State != DeliveryState.Pending) ? all : null, "the recorded outcome", ct);
        Assert.All(deliveries, d => Assert.Equal((DeliveryState.Delivered, 2, "push"), (d.State, d.Attempts, d.Method)));
    }

    [Fact]
    public async Task Webhook_DuplicateAndRedeliveredEvent_ProcessedOnce()
    {
        var ct = TestTimeout.Token();
        var user = LineWebhookClient.NewUserId();
        var token = "dup-" + Guid.NewGuid().ToString("N");
        var question = LineWebhookClient.Text(user, "こんにちは", token);
        var redelivered = question.DeepClone().AsObject();
        redelivered["deliveryContext"] = new JsonObject { ["isRedelivery"] = true };

        Assert.Equal(HttpStatusCode.OK, await Webhook.PostAsync(ct, question));
        Assert.Equal(HttpStatusCode.OK, await Webhook.PostAsync(ct, question));
        Assert.Equal(HttpStatusCode.OK, await Webhook.PostAsync(ct, redelivered, question));
        await Eventually.UntilAsync(() => Stub.Replies(token).FirstOrDefault(), "the reply", ct);
        // Events of one citizen are processed in order: once a later one is answered, a duplicate would have been.
        var marker = "marker-" + Guid.NewGuid().ToString("N");
        await Webhook.PostAsync(ct, LineWebhookClient.Text(user, "ありがとう", marker));
        await Eventually.UntilAsync(() => Stub.Replies(marker).FirstOrDefault(), "the marker's reply", ct);

        Assert.Single(Stub.Replies(token));
        Assert.Single(Assert.Single(Stub.Replies(token)).Json.GetProperty("messages").EnumerateArray());
        Assert.Empty(Stub.Pushes(user));
        var inbound = (await TranscriptAsync(user, ct)).Where(a => a.Direction == ActivityDirection.Inbound).ToList();
        Assert.Equal(2, inbound.Count);
    }

    [Fact]
    public async Task Webhook_TamperedOrMissingSignature_401NothingStoredNoReply()
    {
        var ct = TestTimeout.Token();
        var user = LineWebhookClient.NewUserId();
        var token = "tampered-" + Guid.NewGuid().ToString("N");
        var question = LineWebhookClient.Text(user, "こんにちは", token);
        var body = LineWebhookClient.Body(question);
        var signedOther = LineSignature.Compute(LineHostFixture.ChannelSecret, System.Text.Encoding.UTF8.GetBytes(body.Replace(user, LineWebhookClient.NewUserId(), StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Unauthorized, await Webhook.PostRawAsync(body, signedOther, ct));
        Assert.Equal(HttpStatusCode.Unauthorized, await Webhook.PostRawAsync(body, null, ct));
        Assert.Equal(HttpStatusCode.Unauthorized, await Webhook.PostRawAsync(body, LineSignature.Compute("another-secret", System.Text.Encoding.UTF8.GetBytes(body)), ct));

        var marker = "marker-" + Guid.NewGuid().ToString("N");
        await Webhook.PostAsync(ct, LineWebhookClient.Text(user, "ありがとう", marker));
        await Eventually.UntilAsync(() => Stub.Replies(marker).FirstOrDefault(), "the marker's reply", ct);
        Assert.Empty(Stub.Replies(token));
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var id = question["webhookEventId"]!.GetValue<string>();
        Assert.False(await scope.ServiceProvider.GetRequiredService<BotDbContext>().LineInbox.AnyAsync(e => e.WebhookEventId == id, ct));
    }

    [Fact]
    public async Task Webhook_Follow_GreetingWithHowToAndSiteLink()
    {
        var ct = TestTimeout.Token();
        var user = LineWebhookClient.NewUserId();
        var token = "follow-" + Guid.NewGuid().ToString("N");
        var follow = LineWebhookClient.Event("follow", user, token);
        follow["follow"] = new JsonObject { ["isUnblocked"] = false };

        await Webhook.PostAsync(ct, follow);

        var reply = await Eventually.UntilAsync(() => Stub.Replies(token).FirstOrDefault(), "the greeting", ct);
        var text = Assert.Single(reply.Json.GetProperty("messages").EnumerateArray()).GetProperty("text").GetString()!;
        Assert.Contains("友だち追加", text, StringComparison.Ordinal);
        Assert.Contains(LineHostFixture.SiteOrigin + "/?utm_source=line", text, StringComparison.Ordinal);
        var followed = Assert.Single(await TranscriptAsync(user, ct), a => a.Direction == ActivityDirection.Inbound);
        Assert.Equal(TurnState.Done, followed.Turn);
    }

    [Fact]
    public async Task Webhook_Unfollow_ConversationClosedNextMessageStartsNewOne()
    {
        var ct = TestTimeout.Token();
        var user = LineWebhookClient.NewUserId();
        await Webhook.PostAsync(ct, LineWebhookClient.Text(user, "こんにちは", "u-1"));
        var first = await Eventually.UntilAsync(() => OpenConversationAsync(user, ct), "the conversation", ct);

        await Webhook.PostAsync(ct, LineWebhookClient.Event("unfollow", user, null));

        await Eventually.UntilAsync(async () => (await FindAsync(first.Id, ct))!.Owner == ConversationOwner.Closed ? "" : null, "the close", ct);
        await Webhook.PostAsync(ct, LineWebhookClient.Text(user, "こんにちは", "u-2"));
        var second = await Eventually.UntilAsync(() => OpenConversationAsync(user, ct), "a new conversation", ct);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task Webhook_StickerLocationPostbackUnknown_PoliteRepliesPostbackAnswered()
    {
        var ct = TestTimeout.Token();
        var user = LineWebhookClient.NewUserId();
        var sticker = LineWebhookClient.WithMessage(LineWebhookClient.Event("message", user, "st-" + user),
            new JsonObject { ["id"] = "61", ["type"] = "sticker", ["packageId"] = "446", ["stickerId"] = "1988", ["stickerResourceType"] = "STATIC", ["quoteToken"] = "q" });
        var location = LineWebhookClient.WithMessage(LineWebhookClient.Event("message", user, "lo-" + user),
            new JsonObject { ["id"] = "62", ["type"] = "location", ["title"] = "市役所", ["address"] = "若葉台1-1", ["latitude"] = 35.0, ["longitude"] = 139.0 });
        var unknown = LineWebhookClient.Event("somethingNew", user, null);
        var postback = LineWebhookClient.Event("postback", user, "pb-" + user);
        postback["postback"] = new JsonObject { ["data"] = "こんにちは" };

        Assert.Equal(HttpStatusCode.OK, await Webhook.PostAsync(ct, sticker, location, unknown, postback));

        // The three answers may share one reply call (the first token) or use their own: what counts is each is sent.
        string[] tokens = ["st-" + user, "lo-" + user, "pb-" + user];
        var sent = await Eventually.UntilAsync(() => TextsSent(user, tokens) is { Count: 3 } texts ? texts : null, "three answers", ct);
        Assert.Contains("スタンプ", sent[0], StringComparison.Ordinal);
        Assert.Contains("位置情報", sent[1], StringComparison.Ordinal);
        Assert.Contains("ご利用ありがとうございます", sent[2], StringComparison.Ordinal);
        var inbound = (await TranscriptAsync(user, ct)).Where(a => a.Direction == ActivityDirection.Inbound).ToList();
        Assert.Contains("こんにちは", inbound.Select(TextOf));
        // Answered by the adapter, so the sweep of unanswered bot turns must never pick them up and answer again.
        Assert.All(inbound.Where(a => TextOf(a) is null), a => Assert.Equal(TurnState.Done, a.Turn));
    }

    [Fact]
    public async Task AgentOwner_BotSilentAgentMessagesPushedJoinAndLeaveTold()
    {
        var ct = TestTimeout.Token(90);
        var user = LineWebhookClient.NewUserId();
        await Webhook.PostAsync(ct, LineWebhookClient.Text(user, "こんにちは", "ag-1-" + user));
        await Eventually.UntilAsync(() => Stub.Replies("ag-1-" + user).FirstOrDefault(), "the bot's reply", ct);
        var conversationId = (await OpenConversationAsync(user, ct))!.Id;

        // An agent takes the conversation (what the agent console will do through core's store).
        await ChangeOwnerAsync(conversationId, c =>
        {
            c.RequestHandoff("user_request", DateTime.UtcNow);
            c.AssignAgent(Guid.NewGuid(), DateTime.UtcNow);
        }, ct);
        await Eventually.UntilAsync(() => Stub.Pushes(user).FirstOrDefault(p => FirstText(p).Contains("担当者がご対応します", StringComparison.Ordinal)), "the joined notice", ct);

        await Webhook.PostAsync(ct, LineWebhookClient.Text(user, "粗大ごみの出し方を教えてください", "ag-2-" + user));
        var image = LineWebhookClient.WithMessage(LineWebhookClient.Event("message", user, "ag-3-" + user),
            new JsonObject { ["id"] = "700", ["type"] = "image", ["contentProvider"] = new JsonObject { ["type"] = "line" }, ["quoteToken"] = "q" });
        await Webhook.PostAsync(ct, image);
        // Another citizen's question: the bot takes turns in order, so once it is answered this one's turn was taken.
        var other = LineWebhookClient.NewUserId();
        await Webhook.PostAsync(ct, LineWebhookClient.Text(other, "こんにちは", "ag-other-" + other));
        await Eventually.UntilAsync(() => Stub.Replies("ag-other-" + other).FirstOrDefault(), "the other citizen's reply", ct);

        Assert.Empty(Stub.Replies("ag-2-" + user));
        Assert.Empty(Stub.Replies("ag-3-" + user));
        Assert.Single(Stub.Pushes(user));
        var pictures = (await TranscriptAsync(user, ct)).Where(a => a.ActivityJson.Contains("attachments", StringComparison.Ordinal)).ToList();
        var attachment = JsonNode.Parse(Assert.Single(pictures).ActivityJson)!["attachments"]![0]!;
        Assert.Equal("data:image/jpeg;base64," + Convert.ToBase64String(LineStubApi.ImageBytes), attachment["contentUrl"]!.GetValue<string>());

        // The agent answers (written to the transcript by the console), then closes.
        await AppendAgentMessageAsync(conversationId, "担当の山田です。ご用件を伺います。", ct);
        await Eventually.UntilAsync(() => Stub.Pushes(user).FirstOrDefault(p => FirstText(p).Contains("担当の山田です", StringComparison.Ordinal)), "the agent's message", ct);
        await ChangeOwnerAsync(conversationId, c => c.Close("resolved", DateTime.UtcNow), ct);
        await Eventually.UntilAsync(() => Stub.Pushes(user).FirstOrDefault(p => FirstText(p).Contains("担当者との会話を終了しました", StringComparison.Ordinal)), "the left notice", ct);
    }

    [Fact]
    public async Task FailedDeliveries_PermanentError_ListedForSupervisorsOnly()
    {
        var ct = TestTimeout.Token();
        var user = LineWebhookClient.NewUserId();
        Stub.FailNextPushes(user, 400);
        await Webhook.PostAsync(ct, LineWebhookClient.Text(user, "こんにちは", "f-1", DateTimeOffset.UtcNow.AddMinutes(-5)));
        var conversation = await Eventually.UntilAsync(() => OpenConversationAsync(user, ct), "the conversation", ct);
        await Eventually.UntilAsync(async () => (await DeliveriesAsync(user, ct)).Any(d => d.State == DeliveryState.Failed) ? "" : null, "the failure", ct);

        using var supervisor = await fixture.Host.SignInAsync("supervisor", ct);
        using var operatorClient = await fixture.Host.SignInAsync("operator", ct);
        using var anonymous = fixture.Host.CreateBrowserClient();
        var listed = await supervisor.GetStringAsync("/api/line/failed-deliveries", ct);

        Assert.Contains(conversation.Id.ToString(), listed, StringComparison.Ordinal);
        Assert.Contains("push: 400", listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/api/line/failed-deliveries", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/line/failed-deliveries", ct)).StatusCode);
        Assert.Single(Stub.Pushes(user));
    }

    private IEnumerable<string> SentTexts(string user, string token) =>
        Stub.Replies(token).Concat(Stub.Pushes(user)).Where(c => c.Status == 200)
            .SelectMany(c => c.Json.GetProperty("messages").EnumerateArray()).Select(m => m.GetProperty("text").GetString()!);

    private List<string> TextsSent(string user, string[] tokens) =>
        tokens.SelectMany(Stub.Replies).Concat(Stub.Pushes(user)).Where(c => c.Status == 200)
            .SelectMany(c => c.Json.GetProperty("messages").EnumerateArray()).Select(m => m.GetProperty("text").GetString()!).ToList();

    private static List<string> QuickReplyLabels(JsonElement request) =>
        request.GetProperty("messages").EnumerateArray().Last().TryGetProperty("quickReply", out var quick)
            ? quick.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetProperty("label").GetString()!).ToList()
            : [];

    private static string FirstText(LineStubCall call) => call.Json.GetProperty("messages")[0].GetProperty("text").GetString()!;

    private static string? TextOf(TranscriptActivity activity) =>
        JsonNode.Parse(activity.ActivityJson)?["text"]?.GetValue<string>();

    private Task<Conversation?> OpenConversationAsync(string user, CancellationToken ct) => LineDeliveryView.OpenConversationAsync(fixture.Host, user, ct);

    private async Task<Conversation?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IConversationStore>().FindAsync(id, ct);
    }

    private Task<IReadOnlyList<TranscriptActivity>> TranscriptAsync(string user, CancellationToken ct) => LineDeliveryView.TranscriptAsync(fixture.Host, user, ct);

    private Task<List<LineDeliveryView>> DeliveriesAsync(string user, CancellationToken ct) => LineDeliveryView.ForCitizenAsync(fixture.Host, user, ct);

    private async Task ChangeOwnerAsync(Guid conversationId, Action<Conversation> change, CancellationToken ct)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IConversationStore>();
        var conversation = (await store.FindAsync(conversationId, ct))!;
        change(conversation);
        await store.SaveAsync(conversation, ct);
    }

    private async Task AppendAgentMessageAsync(Guid conversationId, string text, CancellationToken ct)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var now = DateTime.UtcNow;
        var json = new JsonObject { ["type"] = "message", ["text"] = text, ["from"] = new JsonObject { ["id"] = "agent-1", ["role"] = "agent" }, ["timestamp"] = ActivityTimestamps.Format(now) };
        await scope.ServiceProvider.GetRequiredService<IConversationStore>().AppendAsync(
            new TranscriptActivity(conversationId, ActivityDirection.Outbound, "message", "agent", json.ToJsonString(), now), ct);
    }
}

public sealed class SqliteLineChannelTests(SqliteLineHostFixture fixture) : LineChannelTests<SqliteLineHostFixture>(fixture);

public sealed class PostgresLineChannelTests(PostgresLineHostFixture fixture) : LineChannelTests<PostgresLineHostFixture>(fixture);
