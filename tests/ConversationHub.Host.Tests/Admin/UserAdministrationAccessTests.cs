using System.Net;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Admin;

/// <summary>ユーザー管理 is the administrators' alone: a supervisor is sent to 権限がありません, a stranger to sign-in, and a post without the anti-forgery token is refused.</summary>
public sealed class UserAdministrationAccessTests
{
    private static readonly string[] Pages = ["/console/admin/users", "/console/admin/users/edit", "/console/admin/users/import", "/console/admin/teams", "/console/admin/users?handler=csv"];

    [Fact]
    public async Task Pages_NonAdministrator_AreRefused()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        using var supervisor = await host.SignInAsync("supervisor", ct);
        using var stranger = host.CreateBrowserClient();
        using var admin = await host.SignInAsync("admin", ct);

        // Act
        var asSupervisor = new List<HttpResponseMessage>();
        var asStranger = new List<HttpResponseMessage>();
        foreach (var page in Pages)
        {
            asSupervisor.Add(await supervisor.GetAsync(new Uri(page, UriKind.Relative), ct));
            asStranger.Add(await stranger.GetAsync(new Uri(page, UriKind.Relative), ct));
        }

        using var supervisorPost = await supervisor.PostAsync(new Uri("/console/admin/users/edit?staff=operator&handler=disable", UriKind.Relative), new FormUrlEncodedContent([]), ct);
        using var noToken = await admin.PostAsync(new Uri("/console/admin/users/edit?staff=operator&handler=disable", UriKind.Relative), new FormUrlEncodedContent([]), ct);
        var operatorState = await admin.GetStringAsync(new Uri("/console/admin/users/edit?staff=operator", UriKind.Relative), ct);

        // Assert: refused everywhere; the operator still active.
        Assert.All(asSupervisor, r => Assert.True(HubHost.IsRedirectTo(r, "/account/denied"), $"{r.RequestMessage!.RequestUri}: {r.StatusCode}"));
        Assert.All(asStranger, r => Assert.True(HubHost.IsRedirectTo(r, "/account/login"), $"{r.RequestMessage!.RequestUri}: {r.StatusCode}"));
        Assert.True(HubHost.IsRedirectTo(supervisorPost, "/account/denied") || supervisorPost.StatusCode == HttpStatusCode.BadRequest, supervisorPost.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Contains("現在の状態：有効", operatorState, StringComparison.Ordinal);
        asSupervisor.ForEach(r => r.Dispose());
        asStranger.ForEach(r => r.Dispose());
    }
}
