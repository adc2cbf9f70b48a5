using System.Net;
using System.Net.Http.Headers;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Admin;

/// <summary><c>/metrics</c> (issue 18): Prometheus text behind a setting, never public, with the platform's own meters.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_EnabledOnLoopback_ServesHttpAndPlatformMetersAfterAQuestion()
    {
        // Arrange: metrics on without a token (this machine only); a citizen asks the bot one question.
        var ct = TestTimeout.Token(120);
        var settings = DirectLineHostFixture.Settings();
        settings["Telemetry:Prometheus:Enabled"] = "true";
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings, ct);
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await citizen.StartAsync(ct);
        await citizen.SayAsync("住民票はどこで取れますか", "m-1", ct);
        await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x) == "解決しましたか？"), ct);
        using var scraper = new HttpClient { BaseAddress = host.ClientOptions.BaseAddress };

        // Act: scrape until the question has been exported (the exporter caches a scrape for a moment).
        var text = await Eventually.UntilAsync(
            async () => await scraper.GetStringAsync(new Uri("/metrics", UriKind.Relative), ct) is { } body && body.Contains("hub_questions_total", StringComparison.Ordinal) ? body : null,
            "the question on /metrics", ct);

        // Assert: HTTP server metrics, the question by channel, the bot's turn time and the queue's gauges.
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Matches("hub_questions_total\\{[^}]*channel=\"[^\"]+\"[^}]*\\} [1-9]", text);
        Assert.Contains("hub_bot_turn_duration", text, StringComparison.Ordinal);
        Assert.Contains("hub_queue_waiting", text, StringComparison.Ordinal);
        Assert.Contains("hub_queue_longest_wait_seconds", text, StringComparison.Ordinal);
        Assert.Contains("hub_agents", text, StringComparison.Ordinal);
        Assert.Contains("hub_mail_outbox_depth", text, StringComparison.Ordinal);
        Assert.DoesNotContain("住民票", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_WithScrapeToken_OnlyTheTokenIsAnswered()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        var settings = new Dictionary<string, string?>
        {
            ["Telemetry:Prometheus:Enabled"] = "true",
            ["Telemetry:Prometheus:ScrapeToken"] = "scrape-9f2c1e",
        };
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings, ct);
        using var client = new HttpClient { BaseAddress = host.ClientOptions.BaseAddress };

        async Task<HttpStatusCode> Scrape(string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            if (token is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request, ct);
            return response.StatusCode;
        }

        // Act + Assert: even this machine needs the token once one is set.
        Assert.Equal(HttpStatusCode.NotFound, await Scrape(null));
        Assert.Equal(HttpStatusCode.NotFound, await Scrape("scrape-9f2c1f"));
        Assert.Equal(HttpStatusCode.OK, await Scrape("scrape-9f2c1e"));
    }

    [Fact]
    public async Task Metrics_ByDefault_AreNotServed()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.ClientOptions.BaseAddress };

        // Act
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), ct);

        // Assert
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("# TYPE", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }
}
