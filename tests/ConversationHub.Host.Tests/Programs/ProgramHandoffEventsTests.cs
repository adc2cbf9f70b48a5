using System.Net;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Host.Tests.Cases;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Host.Tests.Voice;
using ConversationHub.VoiceBridge.Persistence;
using ConversationHub.VoiceBridge.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// A program's call handed to a person (issue 19): the contact record of the hand-off carries the program, and so do
/// the offer's contact event and the department transfer's, like every other event of the call.
/// </summary>
public sealed class ProgramHandoffEventsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ProgramCall_OfferedAndMovedToDepartment_EveryContactEventCarriesTheProgram(DatabaseProvider provider)
    {
        // Arrange: the demo city's line is the program's number; an operator is available.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var ct = cts.Token;
        await using var host = await HubHost.StartAsync(provider, HandoffSettings.OpenAllDay(new Dictionary<string, string?> { ["Voice:HoldPause"] = "00:00:01" }), ct);
        var program = await ProgramSeed.AddAsync(host, "handoffcall", -1, 30, ct, p => p.PhoneNumbers = CallerScript.City);
        var phone = host.Services.GetRequiredService<SimulatedPhone>();
        await using var agent = await AgentClient.ConnectAsync(host, "operator", ct);
        Assert.True((await agent.AvailableAsync(ct)).Ok);

        // Act: 2 for the operator, the offer, 応答, then 本市内線電話に転送 to 市民課.
        var call = phone.PlaceCall(CallerScript.Caller, CallerScript.City)!;
        await CallerScript.HearUntilAsync(phone, call, h => h.Heard("オペレーターにおつなぎする場合は2を"), ct);
        Assert.True(phone.PressKeys(call, "2"));
        var conversationId = (await Eventually.UntilAsync(async () => await CallAsync(host, ct), "the call's row", ct))!.ConversationId;
        await agent.WaitForOfferAsync(conversationId, ct);
        var accepted = await agent.InvokeAsync("Accept", ct, conversationId);
        Assert.True(accepted.GetProperty("ok").GetBoolean(), accepted.ToString());
        await Eventually.UntilAsync(async () => await CallAsync(host, ct) is { AgentJoinedAtUtc: not null } joined ? joined : null, "the agent joined", ct);
        var targets = await agent.Http.GetJsonAsync($"/api/voice/calls/{conversationId}/departments", HttpStatusCode.OK, ct);
        var shimin = targets.EnumerateArray().Single(t => t.GetProperty("extension").GetString() == "2110").GetProperty("departmentId").GetGuid();
        await agent.Http.PostJsonAsync($"/api/voice/calls/{conversationId}/transfer", new { departmentId = shimin }, HttpStatusCode.Accepted, ct);

        // Assert: the contact record, the offer and the transfer carry the program, as does every other event of the call.
        await using var scope = host.Services.CreateAsyncScope();
        var record = await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().Requests.AsNoTracking().SingleAsync(r => r.ConversationId == conversationId, ct);
        Assert.Equal(program.Id, record.ProgramId);
        var events = await scope.ServiceProvider.GetRequiredService<HubDbContext>().ContactEvents.AsNoTracking()
            .Where(e => e.ConversationId == conversationId).ToListAsync(ct);
        Assert.Equal(program.Id, Assert.Single(events, e => e.Kind == ContactEventKind.Offered).ProgramId);
        var transfer = Assert.Single(events, e => e.Kind == ContactEventKind.Transferred);
        Assert.Equal((program.Id, shimin), (transfer.ProgramId, transfer.DepartmentId));
        Assert.All(events, e => Assert.Equal(program.Id, e.ProgramId));
    }

    private static async Task<VoiceCall?> CallAsync(HubHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VoiceDbContext>().Calls.AsNoTracking().FirstOrDefaultAsync(ct);
    }
}
