using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Host.Tests.Line;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Handoff;

/// <summary>
/// The human handoff on LINE, against the LINE stub on 127.0.0.1 with signed webhooks: the citizen asks for an operator,
/// an agent on the real hub accepts, messages go both ways through the durable LINE sender, the agent's typing shows
/// LINE's loading animation, the supervisor closes after a transfer, and the citizen takes the satisfaction survey.
/// </summary>
public sealed class LineHandoffTests : IAsyncLifetime
{
    private LineStubApi _stub = null!;
    private HubHost _host = null!;
    private LineWebhookClient _webhook = null!;

    public async Task InitializeAsync()
    {
        _stub = await LineStubApi.StartAsync();
        _host = await HubHost.StartAsync(DatabaseProvider.Sqlite, HandoffSettings.OpenAllDay(LineHostFixture.Settings(_stub.BaseUrl)));
        _webhook = new LineWebhookClient(_host.CreateClient(), LineHostFixture.ChannelSecret);
    }

    public async Task DisposeAsync()
    {
        _webhook.Dispose();
        await _host.DisposeAsync();
        await _stub.DisposeAsync();
    }

    [Fact]
    public async Task LineCitizen_AndAgent_TalkThroughTheQueue_ThenRateTheChat()
    {
        var ct = TestTimeout.Token(180);
        await using var agent = await AgentClient.ConnectAsync(_host, "operator", ct);
        await using var supervisor = await AgentClient.ConnectAsync(_host, "supervisor", ct);
        Assert.True((await agent.AvailableAsync(ct)).Ok);
        Assert.True((await supervisor.AvailableAsync(ct)).Ok);
        var user = LineWebhookClient.NewUserId();

        // The citizen asks; the reply (one reply call) says the place in the queue.
        await _webhook.PostAsync(ct, LineWebhookClient.Text(user, "オペレーターと話す", "lh-1-" + user));
        var reply = await Eventually.UntilAsync(() => _stub.Replies("lh-1-" + user).FirstOrDefault(), "the reply", ct);
        Assert.Contains(Texts(reply.Json), t => t.Contains("1 番目", StringComparison.Ordinal));
        Guid? conversationId = Guid.Parse(await Eventually.UntilAsync(() => agent.Offers.TryPeek(out var id) ? id.ToString() : null, "the offer", ct));

        // Accepted: LINE's own notice tells the citizen; the agent types (loading animation) and writes (a push).
        Assert.True((await agent.ActAsync("Accept", ct, conversationId!.Value)).Ok);
        await Eventually.UntilAsync(() => _stub.Pushes(user).FirstOrDefault(p => Texts(p.Json).Any(t => t.Contains("担当者がご対応します", StringComparison.Ordinal))), "the joined notice", ct);
        var loadingsBefore = _stub.Loadings(user).Count();
        Assert.True((await agent.ActAsync("Typing", ct, conversationId.Value)).Ok);
        await Eventually.UntilAsync(() => _stub.Loadings(user).Count() > loadingsBefore ? "" : null, "the loading animation", ct);
        Assert.True((await agent.ActAsync("Send", ct, conversationId.Value, "オペレーターの田中です。", "lm-1")).Ok);
        await Eventually.UntilAsync(() => _stub.Pushes(user).FirstOrDefault(p => Texts(p.Json).Contains("オペレーターの田中です。")), "the agent's message", ct);

        // The citizen writes back: the agent reads it; the bot stays silent (no reply call for that token).
        await agent.InvokeAsync("OpenChat", ct, conversationId.Value);
        await _webhook.PostAsync(ct, LineWebhookClient.Text(user, "児童手当の申請について聞きたいです", "lh-2-" + user));
        await Eventually.UntilAsync(async () =>
        {
            var lines = await agent.InvokeAsync("ReadTranscript", ct, conversationId.Value, 0L);
            return lines.EnumerateArray().Any(l => l.GetProperty("text").GetString() == "児童手当の申請について聞きたいです") ? "" : null;
        }, "the citizen's message in the console", ct);

        // 二次対応, then the supervisor closes: the citizen is told (LINE's notice) and asked to rate.
        Assert.True((await agent.ActAsync("Transfer", ct, conversationId.Value, null, true, "手当の詳細確認をお願いします")).Ok);
        Assert.True((await supervisor.ActAsync("Close", ct, conversationId.Value, "resolved")).Ok);
        var question = await Eventually.UntilAsync(() => _stub.Pushes(user).FirstOrDefault(p => Texts(p.Json).Any(t => t.Contains("アンケート", StringComparison.Ordinal))), "the survey's consent question", ct);
        // The question is the last message LINE gets (quick replies show only on the last one), after one goodbye.
        await Task.Delay(1500, ct);
        var lastMessage = _stub.Pushes(user).Last().Json.GetProperty("messages").EnumerateArray().Last();
        Assert.Contains("アンケート", lastMessage.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Single(_stub.Pushes(user).SelectMany(p => Texts(p.Json)), t => t.Contains("終了しました", StringComparison.Ordinal));
        Assert.Equal(["はい", "いいえ"], QuickReplies(lastMessage));
        Assert.Empty(_stub.Replies("lh-2-" + user));

        // A tap on a choice arrives as the citizen's text; it answers the closed chat, not the bot. After consent any
        // text answers (a typed digit, スキップ, free text).
        var step = 2;
        async Task<JsonElement> AnswerAsync(string text, string expected)
        {
            var id = "lh-" + ++step + "-" + user;
            await _webhook.PostAsync(ct, LineWebhookClient.Text(user, text, id));
            var call = await Eventually.UntilAsync(() => _stub.Replies(id).Concat(_stub.Pushes(user)).FirstOrDefault(p => Texts(p.Json).Any(t => t.Contains(expected, StringComparison.Ordinal))), expected, ct);
            return call.Json.GetProperty("messages").EnumerateArray().Last();
        }

        var age = await AnswerAsync("はい", "年代を教えてください");
        Assert.Equal("スキップ", QuickReplies(age)[^1]);
        await AnswerAsync("2", "性別を教えてください");
        await AnswerAsync("スキップ", "何で知りましたか");
        await AnswerAsync("LINE", "どのくらい利用していますか");
        var rating = await AnswerAsync("スキップ", "5段階");
        Assert.Equal(["とても満足", "満足", "ふつう", "不満", "とても不満"], QuickReplies(rating));
        await AnswerAsync("とても満足", "理由をお聞かせください");
        await AnswerAsync("すぐに答えてもらえた", "ご意見・ご要望");
        await AnswerAsync("スキップ", "アンケートへのご協力ありがとうございました");
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var record = await db.Requests.AsNoTracking().SingleAsync(r => r.ConversationId == conversationId.Value, ct);
        Assert.Equal((5, "resolved", supervisor.Id), (record.Satisfaction!.Value, record.WrapUpCode!, record.AgentId!.Value));
        var answers = await db.SurveyAnswers.AsNoTracking().Where(a => a.ConversationId == conversationId.Value).ToDictionaryAsync(a => a.ItemKey, ct);
        Assert.Equal(("20代", "LINE", "すぐに答えてもらえた"), (answers["age"].Choice, answers["learned"].Choice, answers["reason"].Text));

        // What the citizen writes next is a new conversation with the bot.
        await _webhook.PostAsync(ct, LineWebhookClient.Text(user, "粗大ごみの出し方", "lh-4-" + user));
        var answer = await Eventually.UntilAsync(() => _stub.Replies("lh-4-" + user).FirstOrDefault(), "the bot's answer", ct);
        Assert.Contains(Texts(answer.Json), t => t.Contains("ごみ", StringComparison.Ordinal));
    }

    private static List<string?> QuickReplies(JsonElement message) =>
        [.. message.GetProperty("quickReply").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetProperty("label").GetString())];

    private static List<string> Texts(JsonElement call) =>
        [.. call.GetProperty("messages").EnumerateArray().Where(m => m.TryGetProperty("text", out _)).Select(m => m.GetProperty("text").GetString()!)];
}
