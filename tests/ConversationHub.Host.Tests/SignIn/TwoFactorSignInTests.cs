using System.Net;
using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.SignIn;

/// <summary>
/// Issue 18: two-factor sign-in with an authenticator app (Identity's TOTP, checked against this suite's own RFC 6238
/// codes): enrolment from the key the page shows, the second step with a code or a one-time recovery code, failures
/// refused and audited, administrators kept out of the staff area until enrolled, and the administrators' reset.
/// </summary>
public abstract class TwoFactorSignInTests(HostFixture fixture)
{
    private HubHost Host => fixture.Host;

    [Fact]
    public async Task SignIn_RequiredRoleNotEnrolled_EnrolsFromShownKeyBeforeTheConsole()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        var (userName, _) = await SignInAccounts.CreateAsync(Host, HubRoles.Administrator);
        using var client = Host.CreateBrowserClient();

        // Act: the password step, then everything staff-only is closed until the app is enrolled.
        var signIn = await FormPost.SubmitAsync(client, "/account/login?returnUrl=%2Fconsole%2Fadmin%2Faudit", SignInAccounts.Credentials(userName), ct);
        using var console = await client.GetAsync(new Uri("/console", UriKind.Relative), ct);
        using var api = await client.GetAsync(new Uri("/api/org/departments", UriKind.Relative), ct);
        var enrolment = await client.GetStringAsync(new Uri("/account/two-factor?returnUrl=%2Fconsole%2Fadmin%2Faudit", UriKind.Relative), ct);
        var key = SignInAccounts.ShownKey(enrolment);
        var wrong = await FormPost.SubmitAsync(client, "/account/two-factor?handler=enable", new Dictionary<string, string>(StringComparer.Ordinal) { ["code"] = Totp.WrongCode(key) }, ct);
        var stillClosed = await client.GetAsync(new Uri("/console", UriKind.Relative), ct);
        var enrolled = await FormPost.SubmitAsync(client, "/account/two-factor?handler=enable&returnUrl=%2Fconsole%2Fadmin%2Faudit", new Dictionary<string, string>(StringComparer.Ordinal) { ["code"] = Totp.Code(key) }, ct);
        var enrolledHtml = await enrolled.Content.ReadAsStringAsync(ct);
        using var open = await client.GetAsync(new Uri("/console", UriKind.Relative), ct);

        // Assert
        Assert.True(HubHost.IsRedirectTo(signIn, "/account/two-factor?returnUrl=%2Fconsole%2Fadmin%2Faudit"), signIn.Headers.Location?.ToString());
        Assert.True(HubHost.IsRedirectTo(console, "/account/two-factor?returnUrl=%2Fconsole"), console.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("enrol-two-factor", await api.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,", enrolment, StringComparison.Ordinal);
        Assert.Contains("あなたのロールでは2段階認証が必要です", enrolment, StringComparison.Ordinal);
        Assert.Equal(32, key.Length);
        Assert.Contains("確認コードが正しくありません", await wrong.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.True(HubHost.IsRedirectTo(stillClosed, "/account/two-factor"), stillClosed.StatusCode.ToString());
        Assert.Equal(10, SignInAccounts.ShownRecoveryCodes(enrolledHtml).Count);
        Assert.Contains("href=\"/console/admin/audit\" id=\"two-factor-continue\"", enrolledHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal("no-store", enrolled.Headers.CacheControl?.ToString());
        Assert.True((await SignInAccounts.FindAsync(Host, userName)).TwoFactorEnabled);
        Assert.Contains(await SignInAccounts.AuditOfAsync(Host, userName, ct), e => e.Action == AuditActions.TwoFactorChanged && e.Detail == "enrolled");
        Assert.DoesNotContain(await SignInAccounts.RawTokenValuesAsync(Host, ct), v => v.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_Enrolled_WrongCodeRefusedAndAudited_RightCodeOpensTheConsole()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        var (userName, key) = await SignInAccounts.CreateAsync(Host, HubRoles.Supervisor, enrol: true);
        using var client = Host.CreateBrowserClient();

        // Act
        var password = await FormPost.SubmitAsync(client, "/account/login?returnUrl=%2Fconsole%2Fcases", SignInAccounts.Credentials(userName), ct);
        var wrong = await HubHost.SubmitAuthenticatorCodeAsync(client, password, Totp.WrongCode(key!), ct);
        var wrongHtml = await wrong.Content.ReadAsStringAsync(ct);
        using var between = await client.GetAsync(new Uri("/console", UriKind.Relative), ct);
        var right = await HubHost.SubmitAuthenticatorCodeAsync(client, password, Totp.Code(key!), ct);
        using var console = await client.GetAsync(new Uri("/console", UriKind.Relative), ct);

        // Assert: the password alone signs nobody in; the failure is audited as a sign-in failure.
        Assert.True(HubHost.IsRedirectTo(password, "/account/verify?returnUrl=%2Fconsole%2Fcases"), password.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("確認コードが正しくありません。", wrongHtml, StringComparison.Ordinal);
        Assert.True(HubHost.IsRedirectTo(between, "/account/login"), between.StatusCode.ToString());
        Assert.True(HubHost.IsRedirectTo(right, "/console/cases"), right.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        var audit = await SignInAccounts.AuditOfAsync(Host, userName, ct);
        var failed = Assert.Single(audit, e => e.Action == AuditActions.SignInFailed);
        Assert.Equal("two-factor: authenticator code", failed.Detail);
        Assert.Equal("127.0.0.1", failed.FromAddress);
        Assert.Single(audit, e => e.Action == AuditActions.SignInSucceeded && e.Detail == "two-factor: authenticator code");
    }

    [Fact]
    public async Task SignIn_RecoveryCode_WorksOnce()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        var (userName, _) = await SignInAccounts.CreateAsync(Host, HubRoles.Operator, enrol: true);
        var codes = await SignInAccounts.NewRecoveryCodesAsync(Host, userName);

        // Act
        var first = await SignInWithCodeAsync(userName, codes[0], ct);
        var again = await SignInWithCodeAsync(userName, codes[0], ct);
        var other = await SignInWithCodeAsync(userName, " " + codes[1] + " ", ct);

        // Assert
        Assert.True(HubHost.IsRedirectTo(first, "/console"), first.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("確認コードが正しくありません。", await again.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.True(HubHost.IsRedirectTo(other, "/console"), other.StatusCode.ToString());
        Assert.Single(await SignInAccounts.AuditOfAsync(Host, userName, ct), e => e.Action == AuditActions.SignInFailed && e.Detail == "two-factor: recovery code");
    }

    [Fact]
    public async Task SignIn_DemoAdmin_SignsInWithTheCodeOfItsKnownKey()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        using var client = Host.CreateBrowserClient();

        // Act
        var password = await FormPost.SubmitAsync(client, "/account/login", SignInAccounts.Credentials("admin"), ct);
        var code = await HubHost.SubmitAuthenticatorCodeAsync(client, password, Totp.Code(HubHost.AdminAuthenticatorKey), ct);
        using var audit = await client.GetAsync(new Uri("/console/admin/audit", UriKind.Relative), ct);

        // Assert
        Assert.True(HubHost.IsRedirectTo(password, "/account/verify"), password.Headers.Location?.ToString());
        Assert.True(HubHost.IsRedirectTo(code, "/console"), code.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
    }

    [Fact]
    public async Task Verify_WithoutPasswordStep_OffersTheSignInPage()
    {
        using var client = Host.CreateBrowserClient();
        var ct = TestTimeout.Token();

        var page = await client.GetAsync(new Uri("/account/verify", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("有効期限が切れました", await page.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.True(HubHost.IsRedirectTo(await client.GetAsync(new Uri("/console", UriKind.Relative), ct), "/account/login"));
    }

    [Fact]
    public async Task ResetApi_Administrator_SwitchesTwoFactorOffAndAudits_OthersRefused()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        var (userName, _) = await SignInAccounts.CreateAsync(Host, HubRoles.Supervisor, enrol: true);
        using var admin = await Host.SignInAsync("admin", ct);
        using var supervisor = await Host.SignInAsync("supervisor", ct);
        var path = new Uri($"/api/admin/users/{userName}/two-factor/reset", UriKind.Relative);

        // Act
        using var refused = await supervisor.PostAsync(path, null, ct);
        using var reset = await admin.PostAsync(path, null, ct);
        using var unknown = await admin.PostAsync(new Uri("/api/admin/users/no-such-user/two-factor/reset", UriKind.Relative), null, ct);
        var user = await SignInAccounts.FindAsync(Host, userName);
        using var client = Host.CreateBrowserClient();
        var signIn = await FormPost.SubmitAsync(client, "/account/login", SignInAccounts.Credentials(userName), ct);

        // Assert: the old app is forgotten and the password alone signs in again (supervisors need no second factor).
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.False(user.TwoFactorEnabled);
        Assert.True(HubHost.IsRedirectTo(signIn, "/console"), signIn.Headers.Location?.ToString());
        var change = Assert.Single(await SignInAccounts.AuditOfAsync(Host, userName, ct), e => e.Action == AuditActions.TwoFactorChanged);
        Assert.Equal(("admin", "reset by administrator"), (change.ActorName, change.Detail));
    }

    private async Task<HttpResponseMessage> SignInWithCodeAsync(string userName, string code, CancellationToken ct)
    {
        using var client = Host.CreateBrowserClient();
        var password = await FormPost.SubmitAsync(client, "/account/login", SignInAccounts.Credentials(userName), ct);
        Assert.True(HubHost.IsRedirectTo(password, "/account/verify"), password.Headers.Location?.ToString());
        return await HubHost.SubmitAuthenticatorCodeAsync(client, password, code, ct);
    }
}

public sealed class SqliteTwoFactorSignInTests(SqliteHostFixture fixture) : TwoFactorSignInTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresTwoFactorSignInTests(PostgresHostFixture fixture) : TwoFactorSignInTests(fixture), IClassFixture<PostgresHostFixture>;
