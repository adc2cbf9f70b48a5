using System.Net;
using System.Net.Http.Json;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.AspNetCore.SignalR;

namespace ConversationHub.Host.Tests.Handoff;

/// <summary>
/// Every handoff endpoint and hub method states who may use it: operators and supervisors use the console and read the
/// chats they may read; supervisors alone see the board and the audit trail, keep canned responses, monitor, whisper and
/// assign; other staff and anonymous callers are refused without a change.
/// </summary>
public sealed class HandoffAuthorizationTests(HandoffHostFixture fixture) : IClassFixture<HandoffHostFixture>
{
    public static TheoryData<string?, string, string, HttpStatusCode> Endpoints() => new()
    {
        // user (null = anonymous), method, path, expected
        { null, "GET", "/api/handoff/console", HttpStatusCode.Unauthorized },
        { "operator", "GET", "/api/handoff/console", HttpStatusCode.OK },
        { "supervisor", "GET", "/api/handoff/console", HttpStatusCode.OK },
        { "faq-editor", "GET", "/api/handoff/console", HttpStatusCode.Forbidden },
        { "dept-staff", "GET", "/api/handoff/console", HttpStatusCode.Forbidden },
        { "approver", "GET", "/api/handoff/console", HttpStatusCode.Forbidden },
        { "admin", "GET", "/api/handoff/console", HttpStatusCode.Forbidden },
        { null, "GET", "/api/handoff/canned", HttpStatusCode.Unauthorized },
        { "operator", "GET", "/api/handoff/canned", HttpStatusCode.OK },
        { "dept-staff", "GET", "/api/handoff/canned", HttpStatusCode.Forbidden },
        { "operator", "POST", "/api/handoff/canned", HttpStatusCode.Forbidden },
        { "faq-editor", "POST", "/api/handoff/canned", HttpStatusCode.Forbidden },
        { null, "POST", "/api/handoff/canned", HttpStatusCode.Unauthorized },
        { "operator", "PUT", "/api/handoff/canned/00000000-0000-0000-0000-000000000001", HttpStatusCode.Forbidden },
        { "operator", "DELETE", "/api/handoff/canned/00000000-0000-0000-0000-000000000001", HttpStatusCode.Forbidden },
        { "supervisor", "DELETE", "/api/handoff/canned/00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound },
        { null, "GET", "/api/handoff/board", HttpStatusCode.Unauthorized },
        { "operator", "GET", "/api/handoff/board", HttpStatusCode.Forbidden },
        { "admin", "GET", "/api/handoff/board", HttpStatusCode.Forbidden },
        { "supervisor", "GET", "/api/handoff/board", HttpStatusCode.OK },
        { "operator", "GET", "/api/handoff/audit", HttpStatusCode.Forbidden },
        { "supervisor", "GET", "/api/handoff/audit", HttpStatusCode.OK },
        { null, "GET", "/api/handoff/chats/00000000-0000-0000-0000-000000000001", HttpStatusCode.Unauthorized },
        { "faq-editor", "GET", "/api/handoff/chats/00000000-0000-0000-0000-000000000001", HttpStatusCode.Forbidden },
        { "operator", "GET", "/api/handoff/chats/00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound },
        { null, "POST", "/hubs/agents/negotiate?negotiateVersion=1", HttpStatusCode.Unauthorized },
        { "faq-editor", "POST", "/hubs/agents/negotiate?negotiateVersion=1", HttpStatusCode.Forbidden },
        { "admin", "POST", "/hubs/agents/negotiate?negotiateVersion=1", HttpStatusCode.Forbidden },
        { "dept-staff", "POST", "/hubs/agents/negotiate?negotiateVersion=1", HttpStatusCode.Forbidden },
        { "operator", "POST", "/hubs/agents/negotiate?negotiateVersion=1", HttpStatusCode.OK },
        { "supervisor", "POST", "/hubs/agents/negotiate?negotiateVersion=1", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_AnswersByRole(string? user, string method, string path, HttpStatusCode expected)
    {
        var ct = TestTimeout.Token();
        using var client = user is null ? fixture.Host.CreateBrowserClient() : await fixture.Host.SignInAsync(user, ct);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method is "POST" or "PUT")
        {
            request.Content = JsonContent.Create(new { title = "挨拶", body = "{agent}がうかがいます。" });
        }

        using var response = await client.SendAsync(request, ct);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task CannedResponses_SupervisorsKeepThem_OperatorsFindThem_BadInputChangesNothing()
    {
        var ct = TestTimeout.Token();
        using var supervisor = await fixture.Host.SignInAsync("supervisor", ct);
        using var operatorClient = await fixture.Host.SignInAsync("operator", ct);

        using var invalid = await supervisor.PostAsJsonAsync(new Uri("/api/handoff/canned", UriKind.Relative), new { title = "", body = new string('あ', 2001) }, ct);
        using var created = await supervisor.PostAsJsonAsync(new Uri("/api/handoff/canned", UriKind.Relative), new { title = "受付時間の案内", body = "{city}の窓口は平日8時30分から17時15分までです。", category = "案内" }, ct);
        var found = await operatorClient.GetFromJsonAsync<List<CannedDto>>(new Uri("/api/handoff/canned?q=受付時間", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadAsStringAsync(ct);
        Assert.Contains("title", problem, StringComparison.Ordinal);
        Assert.Contains("body", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = Assert.Single(found!);
        Assert.Equal(("受付時間の案内", "案内"), (item.Title, item.Category));
        Assert.DoesNotContain((await operatorClient.GetFromJsonAsync<List<CannedDto>>(new Uri("/api/handoff/canned", UriKind.Relative), ct))!, c => c.Title.Length == 0);
    }

    [Fact]
    public async Task SupervisorOnlyHubMethods_RefuseOperators()
    {
        var ct = TestTimeout.Token(60);
        await using var agent = await AgentClient.ConnectAsync(fixture.Host, "operator", ct);
        var someone = Guid.NewGuid();

        var board = await Assert.ThrowsAsync<HubException>(() => agent.InvokeAsync("GetSupervisorBoard", ct));
        var whisper = await agent.ActAsync("Whisper", ct, someone, "ささやき");
        var assign = await agent.ActAsync("Assign", ct, someone, agent.Id);
        var open = await Assert.ThrowsAsync<HubException>(() => agent.InvokeAsync("OpenChat", ct, someone));

        Assert.Contains("forbidden", board.Message, StringComparison.Ordinal);
        Assert.Equal("Forbidden", whisper.Error);
        Assert.Equal("Forbidden", assign.Error);
        Assert.Contains("not_found", open.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOperator_CannotReadOrWriteAnotherOperatorsChat()
    {
        var ct = TestTimeout.Token(90);
        await AgentClient.CreateAccountAsync(fixture.Host, "operator-b", Core.Identity.HubRoles.Operator, ct);
        await using var owner = await AgentClient.ConnectAsync(fixture.Host, "operator", ct);
        await using var other = await AgentClient.ConnectAsync(fixture.Host, "operator-b", ct);
        Assert.True((await owner.AvailableAsync(ct)).Ok);
        using var citizen = new DirectLineTestClient(fixture.Host.CreateClient());
        await citizen.StartAsync(ct);
        await citizen.SayAsync("オペレーターと話す", "z-1", ct);
        var id = Guid.Parse(citizen.ConversationId);
        await owner.WaitForOfferAsync(id, ct);
        Assert.True((await owner.ActAsync("Accept", ct, id)).Ok);

        var open = await Assert.ThrowsAsync<HubException>(() => other.InvokeAsync("OpenChat", ct, id));
        var read = await Assert.ThrowsAsync<HubException>(() => other.InvokeAsync("ReadTranscript", ct, id, 0L));
        var send = await other.ActAsync("Send", ct, id, "横から失礼します", "x-1");
        var note = await other.ActAsync("AddNote", ct, id, "メモ");
        var close = await other.ActAsync("Close", ct, id, "resolved");
        var transfer = await other.ActAsync("Transfer", ct, id, other.Id, false, null);
        using var rest = await other.Http.GetAsync(new Uri($"/api/handoff/chats/{id}", UriKind.Relative), ct);

        Assert.Contains("forbidden", open.Message, StringComparison.Ordinal);
        Assert.Contains("forbidden", read.Message, StringComparison.Ordinal);
        Assert.All(new[] { send, note, close, transfer }, r => Assert.Equal("Forbidden", r.Error));
        Assert.Equal(HttpStatusCode.Forbidden, rest.StatusCode);
        var (transcript, _) = await citizen.GetActivitiesAsync("", ct);
        Assert.DoesNotContain(transcript, a => DirectLineTestClient.TextOf(a) == "横から失礼します");
        Assert.True((await owner.ActAsync("Close", ct, id, "resolved")).Ok);
    }

    private sealed record CannedDto(Guid Id, string Title, string Body, string? Category);
}

/// <summary>One platform with the contact center open all day, shared by a test class.</summary>
public sealed class HandoffHostFixture : IAsyncLifetime
{
    public HubHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await HubHost.StartAsync(Core.Persistence.DatabaseProvider.Sqlite, HandoffSettings.OpenAllDay());

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
