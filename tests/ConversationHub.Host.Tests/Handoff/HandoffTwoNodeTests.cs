using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Handoff;

/// <summary>
/// Two nodes on one PostgreSQL database: the citizen's Direct Line is on node A, the agent's console on node B. The
/// offer, the messages both ways and the typing indicator cross nodes through PostgreSQL LISTEN/NOTIFY; accepts made
/// on both nodes at once give one winner.
/// </summary>
public sealed class HandoffTwoNodeTests
{
    [Fact]
    public async Task CitizenOnNodeA_AgentOnNodeB_TalkNormally()
    {
        var ct = TestTimeout.Token(180);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var pii = TestPii.CreateOptions();
        var settings = HandoffSettings.OpenAllDay();
        await using var nodeA = HubHost.Start(database, ownsDatabase: false, pii, settings);
        await using var nodeB = HubHost.Start(database, ownsDatabase: false, pii, settings);
        await AgentClient.CreateAccountAsync(nodeA, "operator-a", Core.Identity.HubRoles.Operator, ct);
        await using var agent = await AgentClient.ConnectAsync(nodeB, "operator", ct);
        await using var rival = await AgentClient.ConnectAsync(nodeA, "operator-a", ct);
        Assert.True((await agent.AvailableAsync(ct)).Ok);

        using var citizen = new DirectLineTestClient(nodeA.CreateClient());
        await citizen.StartAsync(ct);
        await using var stream = await DirectLineTestClient.Stream.ConnectAsync(citizen.StreamUrl, ct);
        await citizen.SayAsync("オペレーターと話す", "n-1", ct);
        var id = Guid.Parse(citizen.ConversationId);

        // The router may run on either node; the offer reaches the agent's console on node B.
        await agent.WaitForOfferAsync(id, ct);
        Assert.True((await rival.AvailableAsync(ct)).Ok);
        var accepts = await Task.WhenAll(agent.ActAsync("Accept", ct, id), rival.ActAsync("Accept", ct, id));
        Assert.Single(accepts, a => a.Ok);
        Assert.Equal("AlreadyTaken", accepts.Single(a => !a.Ok).Error);
        var owner = accepts[0].Ok ? agent : rival;
        if (!ReferenceEquals(owner, agent))
        {
            // The rival on node A won: hand it to the agent on node B so the rest still crosses nodes.
            Assert.True((await rival.ActAsync("Transfer", ct, id, agent.Id, false, "よろしくお願いします")).Ok);
        }

        await agent.InvokeAsync("OpenChat", ct, id);
        var typing = await agent.ActAsync("Typing", ct, id);
        Assert.True(typing.Ok, $"{typing.Error} {typing.Message} (the winner was {(ReferenceEquals(owner, agent) ? "B" : "A")})");
        Assert.True((await agent.ActAsync("Send", ct, id, "ノードBのオペレーターです", "n-m1")).Ok);
        var received = await stream.ReceiveUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x) == "ノードBのオペレーターです"), ct);
        Assert.Contains(received, a => a.GetProperty("type").GetString() == "typing" && a.GetProperty("from").GetProperty("id").GetString() == "hub-agent");

        var before = agent.Activities.Count;
        await citizen.SayAsync("ノードAの市民です", "n-2", ct);
        await Eventually.UntilAsync(() => agent.Activities.Skip(before).Any(a => a.ConversationId == id) ? "pushed" : null, "the citizen's message on node B", ct);
        var lines = await agent.InvokeAsync("ReadTranscript", ct, id, 0L);
        Assert.Contains(lines.EnumerateArray(), l => l.GetProperty("text").GetString() == "ノードAの市民です");
        Assert.True((await agent.ActAsync("Close", ct, id, "resolved")).Ok);
    }
}
