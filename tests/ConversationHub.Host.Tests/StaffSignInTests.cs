using System.Net;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests;

public abstract class StaffSignInTests(HostFixture fixture)
{
    private static Dictionary<string, string> Credentials(string user, string password) =>
        new(StringComparer.Ordinal) { ["userName"] = user, ["password"] = password };

    [Fact]
    public async Task Console_Anonymous_RedirectsToJapaneseSignInPage()
    {
        using var client = fixture.Host.CreateBrowserClient();
        var ct = TestTimeout.Token();

        var response = await client.GetAsync(new Uri("/console", UriKind.Relative), ct);
        var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative), ct);

        Assert.True(HubHost.IsRedirectTo(response, "/account/login"), response.StatusCode.ToString());
        Assert.Contains("職員サインイン", page, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ja\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_DemoAccount_OpensConsoleWithNameAndRole()
    {
        using var client = fixture.Host.CreateBrowserClient();
        var ct = TestTimeout.Token();

        var signIn = await FormPost.SubmitAsync(client, "/account/login", Credentials("supervisor", HubHost.DemoPassword), ct);
        var console = await client.GetAsync(new Uri("/console", UriKind.Relative), ct);
        var html = await console.Content.ReadAsStringAsync(ct);

        Assert.True(HubHost.IsRedirectTo(signIn, "/console"), signIn.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.Contains("コールセンター 監督", html, StringComparison.Ordinal);
        Assert.Contains("スーパーバイザー", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/console/faq\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_FaqEditor_LinksToTheFaqEditingPages()
    {
        using var client = fixture.Host.CreateBrowserClient();
        var ct = TestTimeout.Token();

        await FormPost.SubmitAsync(client, "/account/login", Credentials("faq-editor", HubHost.DemoPassword), ct);
        var html = await client.GetStringAsync(new Uri("/console", UriKind.Relative), ct);

        Assert.Contains("<a href=\"/console/faq\">FAQの編集・公開</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsJapaneseErrorAndNoCookie()
    {
        using var client = fixture.Host.CreateBrowserClient();
        var ct = TestTimeout.Token();

        var response = await FormPost.SubmitAsync(client, "/account/login", Credentials("operator", "Wrong-pass1"), ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        var console = await client.GetAsync(new Uri("/console", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("職員IDまたはパスワードが正しくありません。", html, StringComparison.Ordinal);
        Assert.True(HubHost.IsRedirectTo(console, "/account/login"));
    }

    [Fact]
    public async Task SignIn_FiveFailures_LocksTheAccountEvenForTheRightPassword()
    {
        using var client = fixture.Host.CreateBrowserClient();
        var ct = TestTimeout.Token();
        for (var i = 0; i < 5; i++)
        {
            await FormPost.SubmitAsync(client, "/account/login", Credentials("approver", $"Wrong-pass{i}"), ct);
        }

        var response = await FormPost.SubmitAsync(client, "/account/login", Credentials("approver", HubHost.DemoPassword), ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        Assert.Contains("一時的にロックされています", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_EmptyFields_AsksForBoth()
    {
        using var client = fixture.Host.CreateBrowserClient();

        var response = await FormPost.SubmitAsync(client, "/account/login", Credentials("", ""), TestTimeout.Token());

        Assert.Contains("職員IDとパスワードを入力してください。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ExternalReturnUrl_IsIgnored()
    {
        using var client = fixture.Host.CreateBrowserClient();

        var response = await FormPost.SubmitAsync(client, "/account/login?returnUrl=https%3A%2F%2Fevil.example%2F", Credentials("faq-editor", HubHost.DemoPassword), TestTimeout.Token());

        Assert.True(HubHost.IsRedirectTo(response, "/console"), response.Headers.Location?.ToString());
    }
}

public sealed class SqliteStaffSignInTests(SqliteHostFixture fixture) : StaffSignInTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresStaffSignInTests(PostgresHostFixture fixture) : StaffSignInTests(fixture), IClassFixture<PostgresHostFixture>;
