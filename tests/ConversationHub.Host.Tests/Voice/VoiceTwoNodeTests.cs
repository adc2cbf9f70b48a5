using System.Text.Json.Nodes;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using ConversationHub.VoiceBridge.Acs;
using ConversationHub.VoiceBridge.Persistence;
using ConversationHub.VoiceBridge.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ConversationHub.Host.Tests.Voice.CallerScript;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>
/// Two nodes on one PostgreSQL: the call rings and is answered on node A (its stand-in ACS plays the carrier), every
/// mid-call callback goes to node B, which drives the call through A's ACS; the agent signed in on B takes it.
/// </summary>
public sealed class VoiceTwoNodeTests
{
    [Fact]
    public async Task IncomingCallOnA_CallbacksOnB_QueueAndAgentAcrossNodes()
    {
        var ct = TestTimeout.Token(180);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var pii = TestPii.CreateOptions();
        var accessKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var secret = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        var settings = HandoffSettings.OpenAllDay(new Dictionary<string, string?>
        {
            ["Voice:Simulator:AccessKey"] = accessKey,
            ["Voice:Acs:CallbackSecret"] = secret,
            ["Voice:HoldPause"] = "00:00:01",
        });
        await using var nodeA = HubHost.Start(database, ownsDatabase: false, pii, settings);
        await using var nodeB = HubHost.Start(database, ownsDatabase: false, pii, settings);
        var a = nodeA.ClientOptions.BaseAddress;
        var b = nodeB.ClientOptions.BaseAddress;

        // A answers with B's callback address; B's client works A's ACS and trusts A's tokens.
        Reconfigure(nodeA, new() { ["Voice:Acs:CallbackBaseUrl"] = b.AbsoluteUri });
        Reconfigure(nodeB, new()
        {
            ["Voice:Provider"] = "Acs",
            ["Voice:Acs:Endpoint"] = a.AbsoluteUri,
            ["Voice:Acs:AccessKey"] = accessKey,
            ["Voice:Acs:CallbackBaseUrl"] = b.AbsoluteUri,
            ["Voice:Acs:Audience"] = nodeA.Services.GetRequiredService<IOptions<AcsSimulatorOptions>>().Value.ResourceId,
            ["Voice:Acs:OpenIdMetadataUrl"] = new Uri(a, "simulator/acs/.well-known/acsopenidconfiguration").AbsoluteUri,
        });
        await using var agent = await AgentClient.ConnectAsync(nodeB, "operator", ct);
        Assert.True((await agent.AvailableAsync(ct)).Ok);

        var phone = nodeA.Services.GetRequiredService<SimulatedPhone>();
        var acs = nodeA.Services.GetRequiredService<AcsStandIn>();
        var call = phone.PlaceCall(Caller, City)!;
        await HearUntilAsync(phone, call, h => h.Heard("オペレーターにおつなぎする場合は2を"), ct);
        var answer = acs.Operations.Single(o => o.Name == "answer" && o.CallConnectionId == call.CallConnectionId);
        Assert.StartsWith(b.AbsoluteUri + "api/voice/callbacks/", JsonNode.Parse(answer.Body)!["callbackUri"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.True(phone.PressKeys(call, "2"));
        await HearUntilAsync(phone, call, h => h.Count(p => p.OperationContext == "hold") >= 2, ct);
        var conversationId = (await Eventually.UntilAsync(async () => await RecordAsync(nodeA, ct), "the call's row", ct))!.ConversationId;
        await agent.WaitForOfferAsync(conversationId, ct);
        Assert.True((await agent.ActAsync("Accept", ct, conversationId)).Ok);
        await Eventually.UntilAsync(() => acs.Operations.FirstOrDefault(o => o.Name == "addParticipant" && o.CallConnectionId == call.CallConnectionId), "the agent's phone invited", ct);
        await Eventually.UntilAsync(async () => (await RecordAsync(nodeB, ct)) is { AgentJoinedAtUtc: not null } r ? r : null, "the agent joined", ct);

        phone.HangUp(call);
        var ended = await Eventually.UntilAsync(async () => (await RecordAsync(nodeA, ct)) is { EndedAtUtc: not null } r ? r : null, "the call ended", ct);
        Assert.Equal(CallOutcome.Answered, ended!.Outcome);
        Assert.Single(acs.Operations, o => o.Name == "addParticipant" && o.CallConnectionId == call.CallConnectionId);
        Assert.Empty(AcsOpenApiSchemas.ValidateAll(acs.Operations));
    }

    private static void Reconfigure(HubHost host, Dictionary<string, string?> values)
    {
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        foreach (var (key, value) in values)
        {
            configuration[key] = value;
        }

        host.Services.GetRequiredService<IOptionsMonitorCache<VoiceOptions>>().TryRemove(Options.DefaultName);
    }

    private static async Task<VoiceCall?> RecordAsync(HubHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VoiceDbContext>().Calls.AsNoTracking().FirstOrDefaultAsync(ct);
    }
}
