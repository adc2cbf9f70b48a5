using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Queue;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Handoff;

/// <summary>
/// The human handoff end to end on one node: a citizen on Direct Line asks for an operator, an agent on the real SignalR
/// hub gets the offer, accepts, they talk both ways, the agent hands over to the supervisor, who closes; the citizen
/// answers the satisfaction survey.
/// </summary>
public abstract class HandoffFlowTests(DatabaseProvider provider)
{
    private const string TalkToOperator = "オペレーターと話す";

    [Fact]
    public async Task CitizenAndAgent_TalkThroughTheQueue_ThenTheSupervisorClosesAndTheCitizenRates()
    {
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(provider, HandoffSettings.OpenAllDay());
        await using var agent = await AgentClient.ConnectAsync(host, "operator", ct);
        await using var supervisor = await AgentClient.ConnectAsync(host, "supervisor", ct);
        Assert.True((await agent.AvailableAsync(ct)).Ok);
        Assert.True((await supervisor.ActAsync("SetStatus", ct, "Away", "wrap_up")).Ok);

        // The citizen asks the bot for a person: queued, told the place, and the agent gets the offer.
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await citizen.StartAsync(ct);
        await citizen.SayAsync("住民票の写しについて", "h-1", ct);
        await citizen.SayAsync(TalkToOperator, "h-2", ct);
        var (queued, _) = await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).Contains("番目", StringComparison.Ordinal)), ct);
        Assert.Contains(queued, a => a.GetProperty("type").GetString() == "event" && a.GetProperty("name").GetString() == "handoff.initiate");
        var queuedMessage = queued.Last(x => DirectLineTestClient.TextOf(x).Contains("番目", StringComparison.Ordinal));
        Assert.Contains("1 番目", DirectLineTestClient.TextOf(queuedMessage), StringComparison.Ordinal);
        Assert.Equal("待つのをやめる", queuedMessage.GetProperty("suggestedActions").GetProperty("actions")[0].GetProperty("title").GetString());
        var conversationId = Guid.Parse(citizen.ConversationId);
        await agent.WaitForOfferAsync(conversationId, ct);

        // While queued, the citizen's message gets the place, not an FAQ answer.
        await citizen.SayAsync("まだですか", "h-3", ct);
        await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).StartsWith("ただいまオペレーターにおつなぎしています", StringComparison.Ordinal)), ct);

        // 応答: the agent owns it; the citizen is told.
        var accepted = await agent.ActAsync("Accept", ct, conversationId);
        Assert.True(accepted.Ok, accepted.Message);
        await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).Contains("オペレーターがお話をうかがいます", StringComparison.Ordinal)), ct);
        Assert.Equal(ConversationOwner.Agent, (await FindAsync(host, conversationId)).Owner);

        // The chat view has the whole transcript, the bot's part included.
        var view = await agent.InvokeAsync("OpenChat", ct, conversationId);
        var lines = view.GetProperty("transcript").EnumerateArray().ToList();
        Assert.Contains(lines, l => l.GetProperty("role").GetString() == "user" && l.GetProperty("text").GetString() == "住民票の写しについて");
        Assert.Contains(lines, l => l.GetProperty("role").GetString() == "bot" && l.GetProperty("type").GetString() == "message");
        Assert.True(view.GetProperty("mine").GetBoolean());

        // Agent → citizen, then citizen → agent; the bot stays silent while the agent owns the conversation.
        Assert.True((await agent.ActAsync("Send", ct, conversationId, "担当の者です。ご用件をどうぞ。", "m-1")).Ok);
        var (withAgent, _) = await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x) == "担当の者です。ご用件をどうぞ。"), ct);
        Assert.Equal("オペレーター", withAgent.Last(x => DirectLineTestClient.TextOf(x) == "担当の者です。ご用件をどうぞ。").GetProperty("from").GetProperty("name").GetString());
        var before = agent.Activities.Count;
        await citizen.SayAsync("転入届の書き方を教えてください", "h-4", ct);
        await Eventually.UntilAsync(() => agent.Activities.Skip(before).Any(a => a.ConversationId == conversationId) ? "pushed" : null, "the citizen's message pushed to the agent", ct);
        var after = await agent.InvokeAsync("ReadTranscript", ct, conversationId, lines[^1].GetProperty("sequence").GetInt64());
        Assert.Contains(after.EnumerateArray(), l => l.GetProperty("text").GetString() == "転入届の書き方を教えてください");
        await Task.Delay(1000, ct);
        var (sofar, _) = await citizen.GetActivitiesAsync("", ct);
        var lastCitizen = sofar.FindLastIndex(x => DirectLineTestClient.TextOf(x) == "転入届の書き方を教えてください");
        Assert.DoesNotContain(sofar.Skip(lastCitizen + 1), DirectLineTestClient.IsBotMessage);

        // A resend of the same message (same client id) is not doubled.
        Assert.True((await agent.ActAsync("Send", ct, conversationId, "担当の者です。ご用件をどうぞ。", "m-1")).Ok);

        // 二次対応: to the supervisor, with a note the receiver sees first; the operator can no longer read the chat.
        var transferred = await agent.ActAsync("Transfer", ct, conversationId, null, true, "転入の手続きで詳しい確認が必要です");
        Assert.True(transferred.Ok, transferred.Message);
        Assert.Equal(supervisor.Id, (await FindAsync(host, conversationId)).AgentId);
        var supervisorView = await supervisor.InvokeAsync("OpenChat", ct, conversationId);
        Assert.Equal("Transfer", supervisorView.GetProperty("notes")[0].GetProperty("kind").GetString());
        using (var denied = await agent.Http.GetAsync(new Uri($"/api/handoff/chats/{conversationId}", UriKind.Relative), ct))
        {
            Assert.True(denied.StatusCode == HttpStatusCode.Forbidden, $"{denied.StatusCode} {denied.Headers.Location} {await denied.Content.ReadAsStringAsync(ct)}");
        }

        using (var allowed = await supervisor.Http.GetAsync(new Uri($"/api/handoff/chats/{conversationId}", UriKind.Relative), ct))
        {
            Assert.True(allowed.StatusCode == HttpStatusCode.OK, $"{allowed.StatusCode} {allowed.Headers.Location} {await allowed.Content.ReadAsStringAsync(ct)}");
        }
        Assert.False((await agent.ActAsync("Send", ct, conversationId, "まだいますか", "m-2")).Ok);

        // The supervisor closes with a wrap-up code; the citizen agrees to the survey, skips to the five-level item and
        // answers it, then gives a reason.
        var closed = await supervisor.ActAsync("Close", ct, conversationId, "resolved");
        Assert.True(closed.Ok, closed.Message);
        await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).Contains("アンケート", StringComparison.Ordinal)), ct);
        var step = 0;
        async Task<List<JsonElement>> SayThenAsync(string text, string expected)
        {
            await citizen.SayAsync(text, "h-s" + ++step, ct);
            return (await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).Contains(expected, StringComparison.Ordinal)), ct)).Activities;
        }

        await SayThenAsync("はい", "年代を教えてください");
        await SayThenAsync("スキップ", "性別を教えてください");
        await SayThenAsync("スキップ", "何で知りましたか");
        await SayThenAsync("スキップ", "どのくらい利用していますか");
        var survey = await SayThenAsync("スキップ", "5段階");
        var choices = survey.Last(x => DirectLineTestClient.TextOf(x).Contains("5段階", StringComparison.Ordinal)).GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.Equal(["とても満足", "満足", "ふつう", "不満", "とても不満"], choices);
        await SayThenAsync("満足", "理由をお聞かせください");
        await SayThenAsync("丁寧に教えていただき助かりました", "ご意見・ご要望");
        await SayThenAsync("スキップ", "アンケートへのご協力ありがとうございました");

        // Stored per conversation and agent; the reason is encrypted at rest; every step is in the audit trail.
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var record = await db.Requests.AsNoTracking().SingleAsync(r => r.ConversationId == conversationId, ct);
        Assert.Equal((HandoffOutcome.Closed, 4, "resolved", supervisor.Id), (record.Outcome, record.Satisfaction!.Value, record.WrapUpCode!, record.AgentId!.Value));
        Assert.Equal("丁寧に教えていただき助かりました", (await db.SurveyAnswers.AsNoTracking().SingleAsync(a => a.ConversationId == conversationId && a.ItemKey == "reason", ct)).Text);
        var hub = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var rating = await hub.ContactEvents.AsNoTracking().SingleAsync(e => e.ConversationId == conversationId && e.Kind == ContactEventKind.SatisfactionGiven, ct);
        Assert.Equal((4, supervisor.Id), (rating.Satisfaction!.Value, rating.AgentId!.Value));
        var stored = await RawTextAsync(host, "SELECT \"Text\" FROM handoff_survey_answers WHERE \"ItemKey\" = 'reason'", ct);
        Assert.DoesNotContain("丁寧", stored, StringComparison.Ordinal);
        var actions = await db.Audit.AsNoTracking().Where(a => a.ConversationId == conversationId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(ct);
        Assert.Equal(["accept", "transfer_supervisor", "close"], actions);
        Assert.DoesNotContain(host.Logs, l => l.Contains("転入届", StringComparison.Ordinal) || l.Contains("丁寧", StringComparison.Ordinal));

        // After the survey the conversation takes nothing more.
        using var late = await citizen.PostActivityAsync(DirectLineTestClient.Message("もう一つ", "h-7"), ct);
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        Assert.Contains("ConversationEnded", await late.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentAccepts_ExactlyOneAgentGetsTheConversation_TheOtherIsToldPolitely()
    {
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(provider, HandoffSettings.OpenAllDay(new Dictionary<string, string?> { ["Handoff:Route"] = "false" }));
        await AgentClient.CreateAccountAsync(host, "operator2", Core.Identity.HubRoles.Operator, ct);
        await using var first = await AgentClient.ConnectAsync(host, "operator", ct);
        await using var second = await AgentClient.ConnectAsync(host, "operator2", ct);
        Assert.True((await first.AvailableAsync(ct)).Ok);
        Assert.True((await second.AvailableAsync(ct)).Ok);

        for (var round = 0; round < 5; round++)
        {
            using var citizen = new DirectLineTestClient(host.CreateClient());
            await citizen.StartAsync(ct);
            await citizen.SayAsync(TalkToOperator, "c-" + round, ct);
            await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).Contains("番目", StringComparison.Ordinal)), ct);
            var id = Guid.Parse(citizen.ConversationId);

            var results = await Task.WhenAll(first.ActAsync("Accept", ct, id), second.ActAsync("Accept", ct, id));

            Assert.Single(results, r => r.Ok);
            var loser = Assert.Single(results, r => !r.Ok);
            Assert.Equal("AlreadyTaken", loser.Error);
            Assert.Equal("このお問い合わせは、ほかのオペレーターが応答しました。", loser.Message);
            var owner = (await FindAsync(host, id)).AgentId;
            Assert.Contains(owner!.Value, new[] { first.Id, second.Id });
            await (owner == first.Id ? first : second).ActAsync("Close", ct, id, "resolved");
        }
    }

    [Fact]
    public async Task LeavingTheQueue_IsAbandoned_AndTheOfferIsWithdrawn()
    {
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(provider, HandoffSettings.OpenAllDay());
        await using var agent = await AgentClient.ConnectAsync(host, "operator", ct);
        Assert.True((await agent.AvailableAsync(ct)).Ok);
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await citizen.StartAsync(ct);
        await citizen.SayAsync(TalkToOperator, "a-1", ct);
        var id = Guid.Parse(citizen.ConversationId);
        await agent.WaitForOfferAsync(id, ct);

        await citizen.SayAsync("待つのをやめる", "a-2", ct);

        var (said, _) = await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).StartsWith("オペレーターへのおつなぎを取りやめました", StringComparison.Ordinal)), ct);
        Assert.Contains(said, a => a.GetProperty("type").GetString() == "event" && a.GetProperty("name").GetString() == "handoff.status" && a.GetProperty("value").GetProperty("state").GetString() == "abandoned");
        Assert.Equal(ConversationOwner.Abandoned, (await FindAsync(host, id)).Owner);
        await Eventually.UntilAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
            var record = await db.Requests.AsNoTracking().SingleAsync(r => r.ConversationId == id, ct);
            var open = await db.Offers.AnyAsync(o => o.ConversationId == id && o.State == OfferState.Open, ct);
            return record.Outcome == HandoffOutcome.Abandoned && !open ? "abandoned" : null;
        }, "the abandoned contact record", ct);
        var late = await agent.ActAsync("Accept", ct, id);
        Assert.Equal("Ended", late.Error);
    }

    [Fact]
    public async Task LostConsole_ReturnsTheChatToTheHeadOfTheQueue_AfterTheGracePeriod_HistoryIntact()
    {
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(provider, HandoffSettings.OpenAllDay(new Dictionary<string, string?> { ["Handoff:DisconnectGrace"] = "00:00:02" }));
        await AgentClient.CreateAccountAsync(host, "operator2", Core.Identity.HubRoles.Operator, ct);
        var leaving = await AgentClient.ConnectAsync(host, "operator", ct);
        Assert.True((await leaving.AvailableAsync(ct)).Ok);
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await citizen.StartAsync(ct);
        await citizen.SayAsync(TalkToOperator, "d-1", ct);
        var id = Guid.Parse(citizen.ConversationId);
        await leaving.WaitForOfferAsync(id, ct);
        Assert.True((await leaving.ActAsync("Accept", ct, id)).Ok);
        Assert.True((await leaving.ActAsync("Send", ct, id, "確認しますね", "d-m1")).Ok);

        // The browser closes; within the grace period nothing moves.
        await leaving.DisposeAsync();
        await Task.Delay(500, ct);
        Assert.Equal(ConversationOwner.Agent, (await FindAsync(host, id)).Owner);

        // After it: back in the queue, at its head, the citizen told; the next agent gets it with the history.
        await using var next = await AgentClient.ConnectAsync(host, "operator2", ct);
        await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).StartsWith("担当オペレーターとの接続が切れました", StringComparison.Ordinal)), ct);
        Assert.True((await next.AvailableAsync(ct)).Ok);
        await next.WaitForOfferAsync(id, ct);
        Assert.True((await next.ActAsync("Accept", ct, id)).Ok);
        var view = await next.InvokeAsync("OpenChat", ct, id);
        Assert.Contains(view.GetProperty("transcript").EnumerateArray(), l => l.GetProperty("text").GetString() == "確認しますね");
        await using var scope = host.Services.CreateAsyncScope();
        var record = await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().Requests.AsNoTracking().SingleAsync(r => r.ConversationId == id, ct);
        Assert.Equal((1, 1), (record.Priority, record.Requeues));
    }

    [Fact]
    public async Task Congestion_OffersTheFormAndThePhoneInsteadOfTheQueue()
    {
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(provider, HandoffSettings.OpenAllDay(new Dictionary<string, string?> { ["Handoff:MaxQueueLength"] = "1", ["Handoff:Route"] = "false" }));
        await using var agent = await AgentClient.ConnectAsync(host, "operator", ct);
        Assert.True((await agent.AvailableAsync(ct)).Ok);
        using var first = new DirectLineTestClient(host.CreateClient());
        await first.StartAsync(ct);
        await first.SayAsync(TalkToOperator, "g-1", ct);
        await first.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).Contains("番目", StringComparison.Ordinal)), ct);
        await Eventually.UntilAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Core.Handoff.IHandoffDesk>().GetStandingAsync(Guid.Parse(first.ConversationId), ct);
        }, "the first citizen in the queue", ct);

        using var second = new DirectLineTestClient(host.CreateClient());
        await second.StartAsync(ct);
        await second.SayAsync(TalkToOperator, "g-2", ct);

        var (said, _) = await second.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).Contains("混み合って", StringComparison.Ordinal)), ct);
        var reply = said.Last(x => DirectLineTestClient.TextOf(x).Contains("混み合って", StringComparison.Ordinal));
        Assert.Contains("0120-000-000", DirectLineTestClient.TextOf(reply), StringComparison.Ordinal);
        Assert.DoesNotContain(said, a => a.GetProperty("type").GetString() == "event");
        Assert.Equal(ConversationOwner.Bot, (await FindAsync(host, Guid.Parse(second.ConversationId))).Owner);

        // The congestion message (積滞) is a contact event of the second conversation; neither was offered.
        await using var scope = host.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<HubDbContext>().ContactEvents.AsNoTracking().ToListAsync(ct);
        var congestion = Assert.Single(events, e => e.Kind == ContactEventKind.Congestion);
        Assert.Equal((Guid.Parse(second.ConversationId), ContactChannel.WebChat), (congestion.ConversationId!.Value, congestion.Channel));
        Assert.DoesNotContain(events, e => e.Kind == ContactEventKind.Offered);
    }

    private static async Task<Conversation> FindAsync(HubHost host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IConversationStore>().FindAsync(id, CancellationToken.None))!;
    }

    internal static async Task<string> RawTextAsync(HubHost host, string sql, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<HandoffDbContext>().Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}

public sealed class SqliteHandoffFlowTests() : HandoffFlowTests(DatabaseProvider.Sqlite);

public sealed class PostgresHandoffFlowTests() : HandoffFlowTests(DatabaseProvider.Postgres);
