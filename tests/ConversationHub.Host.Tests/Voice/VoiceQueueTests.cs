using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Host.Tests.Cases;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.VoiceBridge.Persistence;
using ConversationHub.VoiceBridge.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ConversationHub.Host.Tests.Voice.CallerScript;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>
/// Calls that reach a person: 2 puts the caller in the chats' queue, the place is announced between pauses, the agent
/// who accepts gets a case and their phone is added to the call, and can move the call on to a department; a caller
/// who hangs up while waiting abandons the queue; an agent's phone that does not answer ends the call politely.
/// </summary>
public sealed class VoiceQueueTests
{
    private const string AgentPhone = "8:acs:wakabadai-demo_operator";

    private static Dictionary<string, string?> Settings(string pause = "00:00:01") => HandoffSettings.OpenAllDay(new Dictionary<string, string?> { ["Voice:HoldPause"] = pause });

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task OperatorRequested_AgentAccepts_PhoneJoinsCaseOpened_ThenMovedToDepartment(DatabaseProvider provider)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var ct = cts.Token;
        await using var host = await HubHost.StartAsync(provider, Settings(), ct);
        var phone = host.Services.GetRequiredService<SimulatedPhone>();
        var acs = host.Services.GetRequiredService<AcsStandIn>();
        await using var agent = await AgentClient.ConnectAsync(host, "operator", ct);
        Assert.True((await agent.AvailableAsync(ct)).Ok);

        // The menu offers the operator; 2 queues the call and the caller hears the place, then again after the pause.
        var call = phone.PlaceCall(Caller, City)!;
        var heard = await HearUntilAsync(phone, call, h => h.Heard("オペレーターにおつなぎする場合は2を"), ct);
        Assert.True(phone.PressKeys(call, "2"));
        heard = await HearUntilAsync(phone, call, h => h.Count(p => p.OperationContext == "hold") >= 2, ct);
        Assert.True(heard.Heard("お電話をおつなぎします"));
        var conversationId = await ConversationOfAsync(host, ct);
        await agent.WaitForOfferAsync(conversationId, ct);

        // The agent accepts: a case is made at once and returned for the console to open.
        var accepted = await agent.InvokeAsync("Accept", ct, conversationId);
        Assert.True(accepted.GetProperty("ok").GetBoolean(), accepted.ToString());
        var caseId = accepted.GetProperty("caseId").GetGuid();
        Assert.StartsWith("C-", accepted.GetProperty("caseNumber").GetString(), StringComparison.Ordinal);

        // The console's list and the open call carry the case, so the call's panel can link it.
        var snapshot = await agent.InvokeAsync("GetSnapshot", ct);
        var listed = snapshot.GetProperty("chats").EnumerateArray().Single(c => c.GetProperty("conversationId").GetGuid() == conversationId);
        Assert.Equal("Voice", listed.GetProperty("channel").GetString());
        Assert.Equal(caseId, listed.GetProperty("caseId").GetGuid());
        Assert.Equal(accepted.GetProperty("caseNumber").GetString(), listed.GetProperty("caseNumber").GetString());
        var view = await agent.InvokeAsync("OpenChat", ct, conversationId);
        Assert.Equal(caseId, view.GetProperty("caseId").GetGuid());
        Assert.Equal(accepted.GetProperty("caseNumber").GetString(), view.GetProperty("caseNumber").GetString());

        // The agent's phone is invited into the call (our app stays in) — a request ACS's own specification accepts.
        var add = await Eventually.UntilAsync(() => acs.Operations.FirstOrDefault(o => o.Name == "addParticipant" && o.CallConnectionId == call.CallConnectionId), "the agent's phone invited", ct);
        Assert.Empty(AcsOpenApiSchemas.ValidateCallAutomation("AddParticipantRequest", Encoding.UTF8.GetBytes(add!.Body)));
        Assert.Equal(AgentPhone, JsonNode.Parse(add.Body)!["participantToAdd"]!["communicationUser"]!["id"]!.GetValue<string>());
        Assert.Contains(acs.Operations, o => o.Name == "cancelAllMediaOperations" && o.CallConnectionId == call.CallConnectionId);
        var record = await Eventually.UntilAsync(async () => (await RecordAsync(host, ct)) is { AgentJoinedAtUtc: not null } r ? r : null, "the agent joined", ct);
        Assert.NotNull(record!.QueuedAtUtc);
        Assert.True(record.AnsweredWithin(TimeSpan.FromMinutes(2)));
        Assert.Contains("queue", record.Path, StringComparison.Ordinal);
        Assert.Contains("agent", record.Path, StringComparison.Ordinal);

        // The case: channel 電話, the agent's, linked to the call, the bot's transcript first.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var handoff = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
            var made = await handoff.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId, ct);
            Assert.Equal(conversationId, made.ConversationId);
            Assert.Equal(ConversationHub.Handoff.Cases.CaseChannel.Voice, made.Channel);
        }

        // 本市内線電話に転送: the departments offered, then 市民課 (内線 2110) joins and the agent leaves.
        var targets = await agent.Http.GetJsonAsync($"/api/voice/calls/{conversationId}/departments", HttpStatusCode.OK, ct);
        var shimin = targets.EnumerateArray().Single(t => t.GetProperty("extension").GetString() == "2110");
        Assert.Equal("+815012302110", shimin.GetProperty("number").GetString());
        // An operator who is not the call's agent may not move it.
        await AgentClient.CreateAccountAsync(host, "operator-2", Core.Identity.HubRoles.Operator, ct);
        var stranger = await host.SignInAsync("operator-2", ct);
        await stranger.PostJsonAsync($"/api/voice/calls/{conversationId}/transfer", new { departmentId = shimin.GetProperty("departmentId").GetGuid() }, HttpStatusCode.Forbidden, ct);
        await agent.Http.PostJsonAsync($"/api/voice/calls/{conversationId}/transfer", new { departmentId = Guid.NewGuid() }, HttpStatusCode.BadRequest, ct);
        var started = await agent.Http.PostJsonAsync($"/api/voice/calls/{conversationId}/transfer", new { departmentId = shimin.GetProperty("departmentId").GetGuid() }, HttpStatusCode.Accepted, ct);
        Assert.Equal("+815012302110", started.GetProperty("number").GetString());
        var removed = await Eventually.UntilAsync(() => acs.Operations.FirstOrDefault(o => o.Name == "removeParticipant" && o.CallConnectionId == call.CallConnectionId), "the agent leaves", ct);
        Assert.Empty(AcsOpenApiSchemas.ValidateCallAutomation("RemoveParticipantRequest", Encoding.UTF8.GetBytes(removed!.Body)));
        lock (call.Gate)
        {
            Assert.Contains(call.Joined, j => (string?)j["phoneNumber"]?["value"] == "+815012302110");
            Assert.DoesNotContain(call.Joined, j => (string?)j["communicationUser"]?["id"] == AgentPhone);
        }

        // A second transfer while the first has happened is refused: the call is with the department now.
        await agent.Http.PostJsonAsync($"/api/voice/calls/{conversationId}/transfer", new { departmentId = shimin.GetProperty("departmentId").GetGuid() }, HttpStatusCode.Conflict, ct);

        // The caller hangs up: the record says it was moved on, with the number and the time.
        phone.HangUp(call);
        record = await Eventually.UntilAsync(async () => (await RecordAsync(host, ct)) is { EndedAtUtc: not null } r ? r : null, "the call ended", ct);
        Assert.Equal(CallOutcome.Transferred, record!.Outcome);
        Assert.Equal("+815012302110", record.DepartmentNumber);
        Assert.NotNull(record.TransferredAtUtc);
        Assert.Empty(AcsOpenApiSchemas.ValidateAll(acs.Operations));

        // Contact events of the call: answered by a person with the wait, and one transfer to 市民課 (the refused one adds none).
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var events = await scope.ServiceProvider.GetRequiredService<HubDbContext>().ContactEvents.AsNoTracking()
                .Where(e => e.ConversationId == conversationId).ToListAsync(ct);
            Assert.All(events, e => Assert.Equal(ContactChannel.Voice, e.Channel));
            Assert.NotNull(Assert.Single(events, e => e.Kind == ContactEventKind.Answered).WaitMs);
            var transfer = Assert.Single(events, e => e.Kind == ContactEventKind.Transferred);
            Assert.Equal(shimin.GetProperty("departmentId").GetGuid(), transfer.DepartmentId);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CallerHangsUpInTheQueue_Abandoned(DatabaseProvider provider)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        await using var host = await HubHost.StartAsync(provider, Settings(), ct);
        var phone = host.Services.GetRequiredService<SimulatedPhone>();
        await using var agent = await AgentClient.ConnectAsync(host, "operator", ct);
        Assert.True((await agent.AvailableAsync(ct)).Ok);

        var call = phone.PlaceCall(Caller, City)!;
        await HearUntilAsync(phone, call, h => h.Heard("オペレーターにおつなぎする場合は2を"), ct);
        Assert.True(phone.PressKeys(call, "2"));
        await HearUntilAsync(phone, call, h => h.Any(p => p.OperationContext == "hold"), ct);
        var conversationId = await ConversationOfAsync(host, ct);
        await agent.WaitForOfferAsync(conversationId, ct);
        phone.HangUp(call);

        var record = await Eventually.UntilAsync(async () => (await RecordAsync(host, ct)) is { EndedAtUtc: not null } r ? r : null, "the call ended", ct);
        Assert.Equal(CallOutcome.Abandoned, record!.Outcome);
        Assert.Null(record.AgentJoinedAtUtc);
        await using var scope = host.Services.CreateAsyncScope();
        var conversation = await scope.ServiceProvider.GetRequiredService<IConversationStore>().FindAsync(conversationId, ct);
        Assert.Equal(ConversationOwner.Abandoned, conversation!.Owner);
        var abandoned = await scope.ServiceProvider.GetRequiredService<HubDbContext>().ContactEvents.AsNoTracking()
            .SingleAsync(e => e.ConversationId == conversationId && e.Kind == ContactEventKind.Abandoned, ct);
        Assert.Equal(ContactChannel.Voice, abandoned.Channel);
        Assert.True(abandoned.WaitMs > 0, abandoned.WaitMs?.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Too late to accept: the console is told plainly.
        var late = await agent.ActAsync("Accept", ct, conversationId);
        Assert.False(late.Ok);
    }

    [Fact]
    public async Task CallHandedToAnotherAgent_FollowsToTheirPhone()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Settings(), ct);
        var phone = host.Services.GetRequiredService<SimulatedPhone>();
        var acs = host.Services.GetRequiredService<AcsStandIn>();
        await using var agent = await AgentClient.ConnectAsync(host, "operator", ct);
        await using var colleague = await AgentClient.ConnectAsync(host, "supervisor", ct);
        Assert.True((await agent.AvailableAsync(ct)).Ok);

        var call = phone.PlaceCall(Caller, City)!;
        await HearUntilAsync(phone, call, h => h.Heard("オペレーターにおつなぎする場合は2を"), ct);
        Assert.True(phone.PressKeys(call, "2"));
        var conversationId = await ConversationOfAsync(host, ct);
        await agent.WaitForOfferAsync(conversationId, ct);
        Assert.True((await agent.ActAsync("Accept", ct, conversationId)).Ok);
        await Eventually.UntilAsync(async () => (await RecordAsync(host, ct)) is { AgentJoinedAtUtc: not null } r ? r : null, "the agent joined", ct);

        // 転送 to a colleague: the colleague's phone joins, then the first agent leaves.
        Assert.True((await colleague.AvailableAsync(ct)).Ok);
        var moved = await agent.ActAsync("Transfer", ct, conversationId, colleague.Id, false, "税金のご相談です");
        Assert.True(moved.Ok, moved.Message);
        await Eventually.UntilAsync(() => acs.Operations.FirstOrDefault(o => o.Name == "removeParticipant" && o.CallConnectionId == call.CallConnectionId), "the first agent leaves", ct);
        lock (call.Gate)
        {
            Assert.Contains(call.Joined, j => (string?)j["communicationUser"]?["id"] == "8:acs:wakabadai-demo_supervisor");
            Assert.DoesNotContain(call.Joined, j => (string?)j["communicationUser"]?["id"] == AgentPhone);
        }

        var record = await RecordAsync(host, ct);
        Assert.Equal(colleague.Id, record!.AgentId);
        Assert.Contains("handover", record.Path, StringComparison.Ordinal);
        Assert.Empty(AcsOpenApiSchemas.ValidateAll(acs.Operations));
        phone.HangUp(call);
    }

    [Fact]
    public async Task AgentPhoneDoesNotAnswer_CallerToldAndCallEnds()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Settings(), ct);
        var phone = host.Services.GetRequiredService<SimulatedPhone>();
        var acs = host.Services.GetRequiredService<AcsStandIn>();
        acs.Unreachable[AgentPhone] = true;
        await using var agent = await AgentClient.ConnectAsync(host, "operator", ct);
        Assert.True((await agent.AvailableAsync(ct)).Ok);

        var call = phone.PlaceCall(Caller, City)!;
        await HearUntilAsync(phone, call, h => h.Heard("オペレーターにおつなぎする場合は2を"), ct);
        Assert.True(phone.PressKeys(call, "2"));
        var conversationId = await ConversationOfAsync(host, ct);
        await agent.WaitForOfferAsync(conversationId, ct);
        Assert.True((await agent.ActAsync("Accept", ct, conversationId)).Ok);

        await HearUntilAsync(phone, call, h => h.Heard("担当者におつなぎできませんでした"), ct);
        await Eventually.UntilAsync(() => call.State == "disconnected" ? "gone" : null, "hang-up", ct);
        var record = await Eventually.UntilAsync(async () => (await RecordAsync(host, ct)) is { EndedAtUtc: not null } r ? r : null, "the call ended", ct);
        Assert.Equal(CallOutcome.AgentUnreachable, record!.Outcome);
        Assert.Empty(AcsOpenApiSchemas.ValidateAll(acs.Operations));
    }

    [Fact]
    public async Task NoAgentWithAPhone_OperatorNotOffered()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Settings(), ct);
        var phone = host.Services.GetRequiredService<SimulatedPhone>();
        await AgentClient.CreateAccountAsync(host, "chat-only", Core.Identity.HubRoles.Operator, ct);
        await using var agent = await AgentClient.ConnectAsync(host, "chat-only", ct);
        Assert.True((await agent.AvailableAsync(ct)).Ok);

        // Signed in, but with no phone: the caller is not offered a person, and 2 is not a choice.
        var call = phone.PlaceCall(Caller, City)!;
        var heard = await HearUntilAsync(phone, call, h => h.Heard("お電話ありがとうございます"), ct);
        Assert.False(heard.Heard("オペレーター"));
        Assert.True(phone.PressKeys(call, "2"));
        heard = await HearUntilAsync(phone, call, h => h.Heard("もう一度おっしゃってください"), ct);
        Assert.DoesNotContain(heard, p => p.OperationContext == "hold");
    }

    [Fact]
    public async Task LanguageMenu_EnglishChosenByKey_CallGoesOnInEnglish()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        var settings = Settings();
        settings["Voice:Lines:0:Number"] = City;
        settings["Voice:Lines:0:Name"] = "多言語";
        settings["Voice:Lines:0:Languages"] = "ja,en,zh";
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings, ct);
        var phone = host.Services.GetRequiredService<SimulatedPhone>();
        var acs = host.Services.GetRequiredService<AcsStandIn>();

        var call = phone.PlaceCall(Caller, City)!;
        var heard = await HearUntilAsync(phone, call, h => h.Any(p => p.OperationContext == "language"), ct);
        var menu = heard.Single(p => p.OperationContext == "language");
        Assert.Equal("ssml", menu.Kind);
        Assert.Contains("日本語の場合は1を", menu.Content, StringComparison.Ordinal);
        Assert.Contains("For English, press 2.", menu.Content, StringComparison.Ordinal);
        Assert.Contains("zh-CN-XiaoxiaoNeural", menu.Content, StringComparison.Ordinal);
        var recognize = acs.Operations.First(o => o.Name == "recognize" && o.CallConnectionId == call.CallConnectionId);
        Assert.Empty(AcsOpenApiSchemas.ValidateCallAutomation("RecognizeRequest", Encoding.UTF8.GetBytes(recognize.Body)));

        Assert.True(phone.PressKeys(call, "2"));
        heard = await HearUntilAsync(phone, call, h => h.Heard("Thank you for calling"), ct);
        var greeting = acs.Operations.Last(o => o.Name == "recognize" && o.CallConnectionId == call.CallConnectionId);
        Assert.Contains("en-US", greeting.Body, StringComparison.Ordinal);
        var record = await RecordAsync(host, ct);
        Assert.Equal("en", record!.Language);
        Assert.Contains("lang:en", record.Path, StringComparison.Ordinal);
        Assert.Empty(AcsOpenApiSchemas.ValidateAll(acs.Operations));
    }

    private static async Task<Guid> ConversationOfAsync(HubHost host, CancellationToken ct) =>
        (await Eventually.UntilAsync(async () => await RecordAsync(host, ct), "the call's row", ct))!.ConversationId;

    private static async Task<VoiceCall?> RecordAsync(HubHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VoiceDbContext>().Calls.AsNoTracking().FirstOrDefaultAsync(ct);
    }
}
