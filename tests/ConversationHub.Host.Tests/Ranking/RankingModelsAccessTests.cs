using System.Net;
using System.Net.Http.Json;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Ranking;

/// <summary>The retraining console (issue 17) is for FAQ editors and administrators only: operators get 403, anonymous callers 401 or the sign-in page.</summary>
public sealed class RankingModelsAccessTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "POST", "/api/faq/ranking/training-runs" },
        { "GET", "/api/faq/ranking/training-runs" },
        { "GET", "/api/faq/ranking/training-runs/1" },
        { "GET", "/api/faq/ranking/models" },
        { "POST", "/api/faq/ranking/models/1/activate" },
        { "GET", "/api/faq/ranking/model-activations" },
        { "GET", "/console/faq/assets/ranking-models.js" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Api_Operator_Is403(string method, string path)
    {
        // Arrange
        var ct = TestTimeout.Token();
        using var agent = await fixture.Host.SignInAsync("operator", ct);

        // Act
        using var response = await SendAsync(agent, method, path, ct);

        // Assert: the API answers 403; the script, a console path, sends a browser to the access-denied page.
        Assert.True(
            response.StatusCode == HttpStatusCode.Forbidden || HubHost.IsRedirectTo(response, "/account/denied"),
            $"{method} {path}: {response.StatusCode}");
        if (path.StartsWith("/api/", StringComparison.Ordinal))
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Api_Anonymous_Is401(string method, string path)
    {
        // Arrange
        var ct = TestTimeout.Token();
        using var anonymous = fixture.Host.CreateBrowserClient();

        // Act
        using var response = await SendAsync(anonymous, method, path, ct);

        // Assert: the API answers 401; the script, a console path, sends a browser to sign in.
        Assert.True(
            response.StatusCode == HttpStatusCode.Unauthorized || HubHost.IsRedirectTo(response, "/account/login"),
            $"{method} {path}: {response.StatusCode}");
    }

    [Fact]
    public async Task Page_Anonymous_RedirectsToSignIn()
    {
        // Arrange
        var ct = TestTimeout.Token();
        using var anonymous = fixture.Host.CreateBrowserClient();

        // Act
        using var response = await anonymous.GetAsync(new Uri("/console/faq/ranking/models", UriKind.Relative), ct);

        // Assert
        Assert.True(HubHost.IsRedirectTo(response, "/account/login"), response.StatusCode.ToString());
    }

    [Fact]
    public async Task Page_Operator_Is403()
    {
        // Arrange
        var ct = TestTimeout.Token();
        using var agent = await fixture.Host.SignInAsync("operator", ct);

        // Act
        using var response = await agent.GetAsync(new Uri("/console/faq/ranking/models", UriKind.Relative), ct);

        // Assert: signed-in staff without the role are sent to the access-denied page or refused outright.
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || HubHost.IsRedirectTo(response, "/account/denied"), response.StatusCode.ToString());
    }

    [Theory]
    [InlineData("faq-editor")]
    [InlineData("admin")]
    public async Task Page_EditorOrAdministrator_ShowsTheConsoleInJapaneseWithItsScript(string user)
    {
        // Arrange
        var ct = TestTimeout.Token();
        using var client = await fixture.Host.SignInAsync(user, ct);

        // Act
        var html = await client.GetStringAsync(new Uri("/console/faq/ranking/models", UriKind.Relative), ct);

        // Assert: the tabs, the start button with its stable id, and the polling script linked with its hash.
        Assert.Contains("モデルの学習と切り替え", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/console/faq/ranking/models\" aria-current=\"page\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"start-training\"", html, StringComparison.Ordinal);
        Assert.Contains("/console/faq/assets/ranking-models.js?v=", html, StringComparison.Ordinal);
        using var script = await client.GetAsync(new Uri("/console/faq/assets/ranking-models.js", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, CancellationToken ct) =>
        method == "POST"
            ? client.PostAsJsonAsync(new Uri(path, UriKind.Relative), new { confirm = true }, ct)
            : client.GetAsync(new Uri(path, UriKind.Relative), ct);
}
