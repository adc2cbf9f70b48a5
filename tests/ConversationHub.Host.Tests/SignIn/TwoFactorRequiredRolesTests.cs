using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.SignIn;

/// <summary>
/// <c>Security:TwoFactor:RequiredRoles</c>: a configured role must enrol too, and the list adds to Administrator rather
/// than replacing it; roles left out keep two-factor optional.
/// </summary>
public sealed class TwoFactorRequiredRolesTests
{
    [Fact]
    public async Task RequiredRoles_Supervisor_SupervisorAndAdministratorEnrol_OperatorDoesNot()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal) { ["Security:TwoFactor:RequiredRoles:0"] = HubRoles.Supervisor };
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings, ct);
        var (administrator, _) = await SignInAccounts.CreateAsync(host, HubRoles.Administrator);

        // Act
        var results = new Dictionary<string, HttpResponseMessage>(StringComparer.Ordinal);
        foreach (var userName in new[] { "supervisor", administrator, "operator" })
        {
            using var client = host.CreateBrowserClient();
            results[userName] = await FormPost.SubmitAsync(client, "/account/login", SignInAccounts.Credentials(userName), ct);
        }

        // Assert
        Assert.True(HubHost.IsRedirectTo(results["supervisor"], "/account/two-factor"), results["supervisor"].Headers.Location?.ToString());
        Assert.True(HubHost.IsRedirectTo(results[administrator], "/account/two-factor"), results[administrator].Headers.Location?.ToString());
        Assert.Equal("/console", results["operator"].Headers.Location?.OriginalString);
    }
}
