using System.Net;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests;

/// <summary>
/// The web layer as a new visitor meets it (issue 18): an unknown public address is a Japanese 404 with the search
/// box, an unknown API address a JSON 404, only the console asks for sign-in; every response carries nosniff, a
/// Referrer-Policy and frame-ancestors.
/// </summary>
public sealed class WebHygieneTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private HubHost Host => fixture.Host;

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/faq/old/link/that/moved")]
    [InlineData("/category")]
    [InlineData("/inquiryy")]
    [InlineData("/inquiry/form")]
    [InlineData("/notfound")]
    public async Task UnknownPublicAddress_IsJapanese404WithSearchBox(string path)
    {
        var ct = TestTimeout.Token();
        using var citizen = Host.CreateBrowserClient();

        using var response = await citizen.GetAsync(new Uri(path, UriKind.Relative), ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("お探しのページが見つかりません", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/search\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("職員サインイン", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPublicAddress_Posted_Is404PageNotAntiforgeryRefusal()
    {
        var ct = TestTimeout.Token();
        using var citizen = Host.CreateBrowserClient();
        using var form = new FormUrlEncodedContent([new("q", "住民票")]);

        using var response = await citizen.PostAsync(new Uri("/no-such-form", UriKind.Relative), form, ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("お探しのページが見つかりません", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KnownApiAddress_WrongMethod_KeepsRouting405()
    {
        var ct = TestTimeout.Token();
        using var staff = await Host.SignInAsync("operator", ct);

        using var response = await staff.DeleteAsync(new Uri("/api/faq/search?q=x", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task UnknownApiAddress_IsProblemJson404()
    {
        var ct = TestTimeout.Token();
        using var citizen = Host.CreateBrowserClient();

        using var response = await citizen.GetAsync(new Uri("/api/no-such-thing/42", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/api/no-such-thing/42", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownConsoleAddress_AsksForSignIn_ThenIs404()
    {
        var ct = TestTimeout.Token();
        using var anonymous = Host.CreateBrowserClient();
        using var staff = await Host.SignInAsync("operator", ct);

        using var signIn = await anonymous.GetAsync(new Uri("/console/no-such-page", UriKind.Relative), ct);
        using var missing = await staff.GetAsync(new Uri("/console/no-such-page", UriKind.Relative), ct);

        Assert.True(HubHost.IsRedirectTo(signIn, "/account/login"), signIn.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("お探しのページが見つかりません", await missing.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=%E4%BD%8F%E6%B0%91%E7%A5%A8")]
    [InlineData("/api/faq/search?q=%E4%BD%8F%E6%B0%91%E7%A5%A8")]
    [InlineData("/no-such-page")]
    [InlineData("/account/login")]
    [InlineData("/assets/chat-widget.js")]
    [InlineData("/assets/inquiry-form.js")]
    [InlineData("/healthz")]
    [InlineData("/api/no-such-thing")]
    [InlineData("/console/no-such-page")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        var ct = TestTimeout.Token();
        using var citizen = Host.CreateBrowserClient();

        using var response = await citizen.GetAsync(new Uri(path, UriKind.Relative), ct);

        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        var csp = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9_-]{22}';", csp);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-", csp, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task PageScripts_CarryTheResponsesNonce_FreshPerRequest()
    {
        var ct = TestTimeout.Token();
        using var citizen = Host.CreateBrowserClient();

        using var first = await citizen.GetAsync(new Uri("/", UriKind.Relative), ct);
        using var second = await citizen.GetAsync(new Uri("/", UriKind.Relative), ct);
        var html = await first.Content.ReadAsStringAsync(ct);

        var nonce = NonceOf(first);
        Assert.NotEqual(nonce, NonceOf(second));
        Assert.Matches($"<script [^>]*nonce=\"{System.Text.RegularExpressions.Regex.Escape(nonce)}\"", html);
        Assert.Matches($"<style [^>]*nonce=\"{System.Text.RegularExpressions.Regex.Escape(nonce)}\"", html);
        Assert.DoesNotMatch("<(script|style)(?![^>]*nonce=)", html);
    }

    private static string NonceOf(HttpResponseMessage response) =>
        System.Text.RegularExpressions.Regex.Match(string.Join(",", response.Headers.GetValues("Content-Security-Policy")), "'nonce-([^']+)'").Groups[1].Value;
}
