using System.Net;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.DirectLine;

/// <summary>Token expiry and the anonymous token rate limit, on a host with short limits.</summary>
public sealed class DirectLineLimitsTests : IAsyncLifetime
{
    private HubHost _host = null!;

    public async Task InitializeAsync() => _host = await HubHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["DirectLine:TokenLifetime"] = "00:00:02",
        ["DirectLine:AnonymousTokensPerWindow"] = "3",
        ["DirectLine:TokenRateWindow"] = "00:05:00",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ExpiredToken_Forbidden()
    {
        var ct = TestTimeout.Token();
        using var client = new DirectLineTestClient(_host.CreateClient());
        await client.GenerateAsync(ct);
        using var fresh = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities", client.Token, null, ct);

        // Waiting out a 2-second lifetime (configuration, not a speed assertion).
        await Task.Delay(TimeSpan.FromSeconds(2.5), ct);
        using var read = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities", client.Token, null, ct);
        using var refresh = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", client.Token, null, ct);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
    }

    [Fact]
    public async Task GenerateToken_OverTheLimit_429WithRetryAfter()
    {
        var ct = TestTimeout.Token();
        using var http = _host.CreateClient();
        var responses = new List<HttpResponseMessage>();

        for (var i = 0; i < 5; i++)
        {
            responses.Add(await http.PostAsync(new Uri("/v3/directline/tokens/generate", UriKind.Relative), null, ct));
        }

        var rejected = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.True(rejected.Count >= 2, $"{rejected.Count} of 5 were refused");
        Assert.All(responses.Except(rejected), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.True(rejected[0].Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("TooManyRequests", await rejected[0].Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        responses.ForEach(r => r.Dispose());
    }
}
