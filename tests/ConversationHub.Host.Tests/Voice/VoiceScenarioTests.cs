using System.Globalization;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.VoiceBridge.Persistence;
using ConversationHub.VoiceBridge.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ConversationHub.Host.Tests.Voice.CallerScript;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>
/// Scripted calls on the stand-in, end to end: a line past its end of service; a congested queue (溢れ呼) with the FAQ
/// site by SMS; the menu by keys with the SMS declined; a spoken request for a person; and a whole call whose every
/// callback is delivered twice and in reverse order, which must play and send nothing twice.
/// </summary>
public sealed class VoiceScenarioTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task LinePastItsEndOfService_CallerToldAndCallEnds(DatabaseProvider provider)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = cts.Token;
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(-1);
        var settings = HandoffSettings.OpenAllDay(new Dictionary<string, string?>
        {
            ["Voice:Lines:0:Number"] = City,
            ["Voice:Lines:0:Name"] = "給付金コールセンター",
            ["Voice:Lines:0:ServiceEndsOn"] = yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        await using var host = await HubHost.StartAsync(provider, settings, ct);
        var phone = host.Services.GetRequiredService<SimulatedPhone>();

        var call = phone.PlaceCall(Caller, City)!;
        var heard = await HearUntilAsync(phone, call, h => h.Heard("終了いたしました"), ct);
        await Eventually.UntilAsync(() => call.State == "disconnected" ? "gone" : null, "hang-up", ct);

        Assert.DoesNotContain(heard, p => p.OperationContext == "menu");
        var record = await Eventually.UntilAsync(async () => await EndedAsync(host, ct), "the call record", ct);
        Assert.Equal(CallOutcome.ServiceEnded, record!.Outcome);
    }

    [Fact]
    public async Task Congested_MenuOffersTheFaqSiteBySms_ThenGoodbye()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = cts.Token;
        var settings = HandoffSettings.OpenAllDay(new Dictionary<string, string?>
        {
            ["Voice:Lines:0:Number"] = City,
            ["Voice:Lines:0:MaxQueueLength"] = "0",
        });
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings, ct);
        var phone = host.Services.GetRequiredService<SimulatedPhone>();
        var acs = host.Services.GetRequiredService<AcsStandIn>();
        await using var agent = await AgentClient.ConnectAsync(host, "operator", ct);
        Assert.True((await agent.AvailableAsync(ct)).Ok);

        var call = phone.PlaceCall(Caller, City)!;
        var heard = await HearUntilAsync(phone, call, h => h.Heard("混み合っており"), ct);
        Assert.False(heard.Heard("オペレーターにおつなぎする場合は2を"));
        Assert.True(phone.PressKeys(call, "3"));
        var sms = await Eventually.UntilAsync(() => acs.Sms.FirstOrDefault(s => s.To == Caller), "the FAQ site by SMS", ct);
        Assert.StartsWith("http", sms!.Message, StringComparison.Ordinal);
        await Eventually.UntilAsync(() => call.State == "disconnected" ? "gone" : null, "hang-up after goodbye", ct);

        var record = await Eventually.UntilAsync(async () => await EndedAsync(host, ct), "the call record", ct);
        Assert.Equal(1, record!.SmsSent);
        Assert.Null(record.QueuedAtUtc);
        Assert.Equal(CallOutcome.SelfService, record.Outcome);
        Assert.Empty(AcsOpenApiSchemas.ValidateAll(acs.Operations));

        // The congestion message (積滞) is a contact event of the call, once.
        await using var scope = host.Services.CreateAsyncScope();
        var kinds = await scope.ServiceProvider.GetRequiredService<HubDbContext>().ContactEvents.AsNoTracking()
            .Where(e => e.ConversationId == record.ConversationId && e.Channel == ContactChannel.Voice).Select(e => e.Kind).ToListAsync(ct);
        Assert.Single(kinds, ContactEventKind.Congestion);
        Assert.Single(kinds, ContactEventKind.Arrived);
    }

    [Fact]
    public async Task KeysMenu_QuestionAnswered_SmsDeclined_BackToTheMenu()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, HandoffSettings.OpenAllDay(), ct);
        var phone = host.Services.GetRequiredService<SimulatedPhone>();
        var acs = host.Services.GetRequiredService<AcsStandIn>();

        var call = phone.PlaceCall(Caller, City)!;
        await HearUntilAsync(phone, call, h => h.Any(p => p.OperationContext == "menu"), ct);
        Assert.True(phone.PressKeys(call, "1"));
        await HearUntilAsync(phone, call, h => h.Any(p => p.OperationContext == "question"), ct);
        phone.Say(call, "粗大ごみの出し方を教えて");
        var heard = await HearUntilAsync(phone, call, h => h.Any(p => p.OperationContext == "sms_offer"), ct);
        var offer = heard.Count;
        Assert.True(phone.PressKeys(call, "2"));
        heard = await HearUntilAsync(phone, call, h => h.Skip(offer).Any(p => p.OperationContext == "menu"), ct);
        phone.HangUp(call);

        var record = await Eventually.UntilAsync(async () => await EndedAsync(host, ct), "the call record", ct);
        Assert.Equal(0, record!.SmsSent);
        Assert.Empty(acs.Sms);
        Assert.Equal(1, record.Questions);
        Assert.NotEmpty(record.FaqIds);
        Assert.Contains("key:1 ask answer key:2", record.Path, StringComparison.Ordinal);
        Assert.DoesNotContain("粗大ごみ", record.QuestionsEncrypted, StringComparison.Ordinal);
        Assert.Equal(CallOutcome.SelfService, record.Outcome);
        Assert.Empty(AcsOpenApiSchemas.ValidateAll(acs.Operations));
    }

    [Fact]
    public async Task SpokenRequestForAPerson_JoinsTheQueue()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, HandoffSettings.OpenAllDay(new Dictionary<string, string?> { ["Voice:HoldPause"] = "00:00:01" }), ct);
        var phone = host.Services.GetRequiredService<SimulatedPhone>();
        await using var agent = await AgentClient.ConnectAsync(host, "operator", ct);
        Assert.True((await agent.AvailableAsync(ct)).Ok);

        var call = phone.PlaceCall(Caller, City)!;
        await HearUntilAsync(phone, call, h => h.Any(p => p.OperationContext == "menu"), ct);
        phone.Say(call, "オペレーターにつないでください");
        await HearUntilAsync(phone, call, h => h.Any(p => p.OperationContext == "hold"), ct);

        var record = await Eventually.UntilAsync(async () => await RecordAsync(host, ct), "the call record", ct);
        await agent.WaitForOfferAsync(record!.ConversationId, ct);
        await using var scope = host.Services.CreateAsyncScope();
        var conversation = await scope.ServiceProvider.GetRequiredService<IConversationStore>().FindAsync(record.ConversationId, ct);
        Assert.Equal(ConversationOwner.Queued, conversation!.Owner);
        phone.HangUp(call);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task EveryCallbackTwiceAndReordered_NothingPlayedOrSentTwice(DatabaseProvider provider)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        var settings = HandoffSettings.OpenAllDay(new Dictionary<string, string?>
        {
            ["Voice:Simulator:DuplicateDeliveries"] = "true",
            ["Voice:Simulator:ReorderDeliveries"] = "true",
        });
        await using var host = await HubHost.StartAsync(provider, settings, ct);
        var phone = host.Services.GetRequiredService<SimulatedPhone>();
        var acs = host.Services.GetRequiredService<AcsStandIn>();

        var call = phone.PlaceCall(Caller, City)!;
        await HearUntilAsync(phone, call, h => h.Any(p => p.OperationContext == "menu"), ct);
        phone.Say(call, "住民票の写しを取りたい");
        await HearUntilAsync(phone, call, h => h.Any(p => p.OperationContext == "sms_offer"), ct);
        Assert.True(phone.PressKeys(call, "1"));
        await HearUntilAsync(phone, call, h => h.Any(p => p.OperationContext == "sms_sent"), ct);

        // Let any late duplicate arrive, then count: one greeting, one answer, one offer, one SMS.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var heard = await HearUntilAsync(phone, call, h => h.Any(p => p.OperationContext == "sms_sent"), ct);
        Assert.Single(heard, p => p.OperationContext == "answer");
        Assert.Single(heard, p => p.OperationContext == "sms_offer");
        Assert.Single(heard, p => p.OperationContext == "sms_sent");
        Assert.Single(acs.Sms, s => s.To == Caller);
        Assert.Single(acs.Operations, o => o.Name == "answer" && o.CallConnectionId == call.CallConnectionId);
        Assert.Empty(AcsOpenApiSchemas.ValidateAll(acs.Operations));
        phone.HangUp(call);
    }

    private static async Task<VoiceCall?> RecordAsync(HubHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VoiceDbContext>().Calls.AsNoTracking().FirstOrDefaultAsync(ct);
    }

    private static async Task<VoiceCall?> EndedAsync(HubHost host, CancellationToken ct) =>
        await RecordAsync(host, ct) is { EndedAtUtc: not null } ended ? ended : null;
}
