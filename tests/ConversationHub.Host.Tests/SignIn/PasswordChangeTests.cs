using System.Net;
using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.SignIn;

/// <summary>
/// Issue 18: a password reset by an administrator must be changed at the next sign-in — the console, staff APIs and hubs
/// are closed until then — under the password policy (reasons in Japanese) and different from the old one; any staff
/// member may change their own.
/// </summary>
public abstract class PasswordChangeTests(HostFixture fixture)
{
    private const string NewPassword = "Wakaba2027Next";

    private HubHost Host => fixture.Host;

    private static Dictionary<string, string> Change(string current, string next, string? confirm = null) =>
        new(StringComparer.Ordinal) { ["currentPassword"] = current, ["newPassword"] = next, ["confirmPassword"] = confirm ?? next };

    [Fact]
    public async Task MustChangePassword_ClosesConsoleAndApisUntilChanged_ThenReturns()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        var (userName, _) = await SignInAccounts.CreateAsync(Host, HubRoles.Supervisor, mustChangePassword: true);
        using var client = Host.CreateBrowserClient();

        // Act
        var signIn = await FormPost.SubmitAsync(client, "/account/login?returnUrl=%2Fconsole%2Fcases", SignInAccounts.Credentials(userName), ct);
        using var console = await client.GetAsync(new Uri("/console/supervisor", UriKind.Relative), ct);
        using var api = await client.GetAsync(new Uri("/api/handoff/board", UriKind.Relative), ct);
        using var hub = await client.PostAsync(new Uri("/hubs/agents/negotiate?negotiateVersion=1", UriKind.Relative), null, ct);
        var page = await client.GetStringAsync(new Uri("/account/password", UriKind.Relative), ct);
        var same = await FormPost.SubmitAsync(client, "/account/password", Change(HubHost.DemoPassword, HubHost.DemoPassword), ct);
        var changed = await FormPost.SubmitAsync(client, "/account/password?returnUrl=%2Fconsole%2Fcases", Change(HubHost.DemoPassword, NewPassword), ct);
        using var consoleAfter = await client.GetAsync(new Uri("/console/supervisor", UriKind.Relative), ct);
        using var apiAfter = await client.GetAsync(new Uri("/api/handoff/board", UriKind.Relative), ct);
        using var again = Host.CreateBrowserClient();
        var oldPassword = await FormPost.SubmitAsync(again, "/account/login", SignInAccounts.Credentials(userName), ct);
        var newPassword = await FormPost.SubmitAsync(again, "/account/login", SignInAccounts.Credentials(userName, NewPassword), ct);

        // Assert
        Assert.True(HubHost.IsRedirectTo(signIn, "/account/password?returnUrl=%2Fconsole%2Fcases"), signIn.Headers.Location?.ToString());
        Assert.True(HubHost.IsRedirectTo(console, "/account/password?returnUrl=%2Fconsole%2Fsupervisor"), console.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("change-password", await api.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, hub.StatusCode);
        Assert.Contains("管理者がパスワードを再設定しました", page, StringComparison.Ordinal);
        Assert.Contains("現在のパスワードと違うもの", await same.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.True(HubHost.IsRedirectTo(changed, "/console/cases"), changed.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, consoleAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, apiAfter.StatusCode);
        Assert.False((await SignInAccounts.FindAsync(Host, userName)).MustChangePassword);
        Assert.Contains("職員IDまたはパスワードが正しくありません。", await oldPassword.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.True(HubHost.IsRedirectTo(newPassword, "/console"), newPassword.Headers.Location?.ToString());
        var audit = Assert.Single(await SignInAccounts.AuditOfAsync(Host, userName, ct), e => e.Action == AuditActions.PasswordChanged);
        Assert.Equal(("user:" + userName, "required after reset", userName), (audit.Target, audit.Detail, audit.ActorName));
    }

    [Theory]
    [InlineData("Short1a", "パスワードは8文字以上にしてください。")]
    [InlineData("alllower1x", "英大文字（A〜Z）")]
    [InlineData("ALLUPPER1X", "英小文字（a〜z）")]
    [InlineData("NoDigitsHere", "数字（0〜9）")]
    public async Task ChangePassword_AgainstThePolicy_RefusedWithJapaneseReasons(string next, string reason)
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        var (userName, _) = await SignInAccounts.CreateAsync(Host, HubRoles.Operator, mustChangePassword: true);
        using var client = Host.CreateBrowserClient();
        await FormPost.SubmitAsync(client, "/account/login", SignInAccounts.Credentials(userName), ct);

        // Act
        var refused = await FormPost.SubmitAsync(client, "/account/password", Change(HubHost.DemoPassword, next), ct);
        using var console = await client.GetAsync(new Uri("/console", UriKind.Relative), ct);

        // Assert: nothing changed, the console stays closed.
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(reason, await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.True(HubHost.IsRedirectTo(console, "/account/password"), console.StatusCode.ToString());
        Assert.True((await SignInAccounts.FindAsync(Host, userName)).MustChangePassword);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentOrMismatchedConfirmation_RefusedInJapanese()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        var (userName, _) = await SignInAccounts.CreateAsync(Host, HubRoles.Operator);
        using var client = await Host.SignInAsync(userName, ct);

        // Act
        var wrong = await FormPost.SubmitAsync(client, "/account/password", Change("Not-The-Pass1", NewPassword), ct);
        var mismatch = await FormPost.SubmitAsync(client, "/account/password", Change(HubHost.DemoPassword, NewPassword, NewPassword + "x"), ct);
        var changed = await FormPost.SubmitAsync(client, "/account/password", Change(HubHost.DemoPassword, NewPassword), ct);

        // Assert: any staff member may change their own; without a return URL the console follows.
        Assert.Contains("パスワードが正しくありません。", await wrong.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Contains("一致しません", await mismatch.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.True(HubHost.IsRedirectTo(changed, "/console"), changed.Headers.Location?.ToString());
        var audit = Assert.Single(await SignInAccounts.AuditOfAsync(Host, userName, ct), e => e.Action == AuditActions.PasswordChanged);
        Assert.Null(audit.Detail);
    }

    [Fact]
    public async Task SignIn_AdministratorWithResetPassword_ChangesPasswordThenEnrols()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        var (userName, _) = await SignInAccounts.CreateAsync(Host, HubRoles.Administrator, mustChangePassword: true);
        using var client = Host.CreateBrowserClient();

        // Act
        var signIn = await FormPost.SubmitAsync(client, "/account/login", SignInAccounts.Credentials(userName), ct);
        var changed = await FormPost.SubmitAsync(client, signIn.Headers.Location!.OriginalString, Change(HubHost.DemoPassword, NewPassword), ct);
        using var console = await client.GetAsync(new Uri("/console", UriKind.Relative), ct);

        // Assert
        Assert.True(HubHost.IsRedirectTo(signIn, "/account/password?returnUrl=%2Fconsole"), signIn.Headers.Location?.ToString());
        Assert.True(HubHost.IsRedirectTo(changed, "/account/two-factor?returnUrl=%2Fconsole"), changed.Headers.Location?.ToString());
        Assert.True(HubHost.IsRedirectTo(console, "/account/two-factor"), console.StatusCode.ToString());
    }
}

public sealed class SqlitePasswordChangeTests(SqliteHostFixture fixture) : PasswordChangeTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresPasswordChangeTests(PostgresHostFixture fixture) : PasswordChangeTests(fixture), IClassFixture<PostgresHostFixture>;
