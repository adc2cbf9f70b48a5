using System.Net;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Admin;

/// <summary>Issue 18's sign-in rules: the staff-area IP allow-list and idle sign-out.</summary>
public sealed class StaffAccessTests
{
    [Fact]
    public async Task StaffNetworks_AddressOutside_Gets403OnTheStaffAreaAndNothingElseChanges()
    {
        // Arrange: only 10.20.0.0/16 may use the staff area; the tests come from 127.0.0.1.
        var ct = TestTimeout.Token(120);
        var settings = DirectLineHostFixture.Settings();
        settings["Security:StaffNetworks:0"] = "10.20.0.0/16";
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings, ct);
        using var client = host.CreateBrowserClient();

        // Act
        using var console = await client.GetAsync(new Uri("/console", UriKind.Relative), ct);
        using var login = await client.GetAsync(new Uri("/account/login", UriKind.Relative), ct);
        using var staffApi = await client.GetAsync(new Uri("/api/handoff/console", UriKind.Relative), ct);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), ct);
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative), ct);
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await citizen.StartAsync(ct);
        await citizen.SayAsync("住民票はどこで取れますか", "n-1", ct);

        // Assert: the console and sign-in refused in Japanese, the API with problem JSON; the public site, health and
        // web chat as before.
        Assert.Equal(HttpStatusCode.Forbidden, console.StatusCode);
        Assert.Contains("市役所の決められたネットワーク", await console.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staffApi.StatusCode);
        Assert.Equal("application/problem+json", staffApi.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task StaffNetworks_AddressInside_SignsInAsBefore()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        var settings = new Dictionary<string, string?> { ["Security:StaffNetworks:0"] = "127.0.0.0/8" };
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings, ct);

        // Act
        using var staff = await host.SignInAsync("operator", ct);
        using var console = await staff.GetAsync(new Uri("/console", UriKind.Relative), ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
    }

    [Fact]
    public async Task IdleSignOut_NoRequestForLongerThanTheSetting_SignsOut()
    {
        // Arrange: a two-second idle limit.
        var ct = TestTimeout.Token(120);
        var settings = new Dictionary<string, string?> { ["Security:IdleSignOut"] = "00:00:02" };
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings, ct);
        using var staff = await host.SignInAsync("operator", ct);
        using var active = await staff.GetAsync(new Uri("/console", UriKind.Relative), ct);

        // Act
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        using var idle = await staff.GetAsync(new Uri("/console", UriKind.Relative), ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        Assert.True(HubHost.IsRedirectTo(idle, "/account/login"), $"expected the sign-in page, got {idle.StatusCode}");
    }

    [Fact]
    public async Task Settings_Invalid_StopTheStartWithTheirName()
    {
        // Arrange + Act
        var ct = TestTimeout.Token(120);
        var error = await Record.ExceptionAsync(async () =>
        {
            await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Security:StaffNetworks:0"] = "10.20.0.0/33" }, ct);
        });

        // Assert
        Assert.NotNull(error);
        Assert.Contains("Security:StaffNetworks", error.ToString(), StringComparison.Ordinal);
    }
}
