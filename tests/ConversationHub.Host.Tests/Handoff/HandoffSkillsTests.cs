using System.Net;
using System.Net.Http.Json;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Handoff;

/// <summary>
/// Skills decide who is offered what: a supervisor sets an agent's categories (teams) and languages; a chat transferred
/// to a team goes to that team's agent, not back to a generalist; an agent without the citizen's language gets no offer.
/// </summary>
public sealed class HandoffSkillsTests
{
    [Fact]
    public async Task TransferToTeam_ReachesTheTeamsAgent_WithTheNoteFirst()
    {
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(Core.Persistence.DatabaseProvider.Sqlite, HandoffSettings.OpenAllDay());
        await AgentClient.CreateAccountAsync(host, "tax-agent", Core.Identity.HubRoles.Operator, ct);
        await using var generalist = await AgentClient.ConnectAsync(host, "operator", ct);
        await using var taxAgent = await AgentClient.ConnectAsync(host, "tax-agent", ct);
        using var supervisor = await host.SignInAsync("supervisor", ct);
        using (var set = await supervisor.PutAsJsonAsync(new Uri($"/api/handoff/agents/{taxAgent.Id}/profile", UriKind.Relative), new { maxChats = 2, categories = new[] { "税金" }, languages = new[] { "ja" } }, ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        }

        Assert.True((await generalist.AvailableAsync(ct)).Ok);
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await citizen.StartAsync(ct);
        await citizen.SayAsync("オペレーターと話す", "t-1", ct);
        var id = Guid.Parse(citizen.ConversationId);
        await generalist.WaitForOfferAsync(id, ct);
        Assert.True((await generalist.ActAsync("Accept", ct, id)).Ok);
        Assert.True((await taxAgent.AvailableAsync(ct)).Ok);

        var snapshot = await generalist.InvokeAsync("GetSnapshot", ct);
        Assert.Equal(["税金"], snapshot.GetProperty("teams").EnumerateArray().Select(t => t.GetString()));
        var unknownTeam = await generalist.ActAsync("TransferToTeam", ct, id, "存在しない課", null);
        var moved = await generalist.ActAsync("TransferToTeam", ct, id, "税金", "固定資産税の減免について");

        Assert.Equal("TargetUnavailable", unknownTeam.Error);
        Assert.True(moved.Ok, moved.Message);
        await taxAgent.WaitForOfferAsync(id, ct);
        Assert.DoesNotContain(id, generalist.Offers.Skip(1));
        Assert.True((await taxAgent.ActAsync("Accept", ct, id)).Ok);
        var view = await taxAgent.InvokeAsync("OpenChat", ct, id);
        Assert.Equal("固定資産税の減免について", view.GetProperty("notes")[0].GetProperty("text").GetString());
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConversationHub.Handoff.Persistence.HandoffDbContext>();
        var record = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Requests, r => r.ConversationId == id, ct);
        var audit = string.Join(",", db.Audit.Where(a => a.ConversationId == id).OrderBy(a => a.Id).Select(a => a.Action + ":" + a.Detail));
        Assert.True(view.GetProperty("category").GetString() == "税金", $"view {view.GetProperty("category")}, record {record.Category} {record.Outcome} {record.Requeues}, audit {audit}");
    }

    [Fact]
    public async Task AnAgentWithoutTheCitizensLanguage_GetsNoOffer()
    {
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(Core.Persistence.DatabaseProvider.Sqlite, HandoffSettings.OpenAllDay());
        await using var english = await AgentClient.ConnectAsync(host, "operator", ct);
        using var supervisor = await host.SignInAsync("supervisor", ct);
        using (var set = await supervisor.PutAsJsonAsync(new Uri($"/api/handoff/agents/{english.Id}/profile", UriKind.Relative), new { languages = new[] { "en" } }, ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        }

        Assert.True((await english.AvailableAsync(ct)).Ok);
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await citizen.StartAsync(ct);
        await citizen.SayAsync("オペレーターと話す", "l-1", ct);
        await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).Contains("番目", StringComparison.Ordinal)), ct);
        await Task.Delay(1500, ct);

        Assert.Empty(english.Offers);
    }

    [Fact]
    public async Task AnAgentAtTheirLimit_IsToldPolitely_WhenPickingFromTheQueue()
    {
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(Core.Persistence.DatabaseProvider.Sqlite, HandoffSettings.OpenAllDay(new Dictionary<string, string?> { ["Handoff:Route"] = "false" }));
        await using var agent = await AgentClient.ConnectAsync(host, "operator", ct);
        using (var supervisor = await host.SignInAsync("supervisor", ct))
        using (var set = await supervisor.PutAsJsonAsync(new Uri($"/api/handoff/agents/{agent.Id}/profile", UriKind.Relative), new { maxChats = 1 }, ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        }

        Assert.True((await agent.AvailableAsync(ct)).Ok);
        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            using var citizen = new DirectLineTestClient(host.CreateClient());
            await citizen.StartAsync(ct);
            await citizen.SayAsync("オペレーターと話す", "full-" + i, ct);
            await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).Contains("番目", StringComparison.Ordinal)), ct);
            ids.Add(Guid.Parse(citizen.ConversationId));
        }

        var first = await agent.ActAsync("Accept", ct, ids[0]);
        var second = await agent.ActAsync("Accept", ct, ids[1]);

        Assert.True(first.Ok, first.Message);
        Assert.Equal("Full", second.Error);
        Assert.Equal("同時に対応できるチャット数（1件）に達しています。ほかのチャットを終了してから応答してください。", second.Message);
    }

    [Theory]
    [InlineData("""{"maxChats": 0}""", "maxChats")]
    [InlineData("""{"categories": ["a|b"]}""", "categories")]
    [InlineData("""{"languages": ["日本語"]}""", "languages")]
    public async Task Profile_BadInput_IsRefusedPrecisely(string body, string field)
    {
        var ct = TestTimeout.Token(60);
        await using var host = await HubHost.StartAsync(Core.Persistence.DatabaseProvider.Sqlite);
        using var supervisor = await host.SignInAsync("supervisor", ct);
        using var operatorClient = await host.SignInAsync("operator", ct);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var refused = await supervisor.PutAsync(new Uri($"/api/handoff/agents/{Guid.NewGuid()}/profile", UriKind.Relative), content, ct);
        using var forbidden = await operatorClient.PutAsJsonAsync(new Uri($"/api/handoff/agents/{Guid.NewGuid()}/profile", UriKind.Relative), new { maxChats = 2 }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(field, await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
