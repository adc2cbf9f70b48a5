using System.Net;
using System.Text.Json;
using ConversationHub.Bot.Benchmark;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.DirectLine;

/// <summary>
/// <c>/_load/memory</c>, the server memory reading of <c>bot load</c> (issue 5): it answers only to the run's secret,
/// and a node without a configured secret hides it like any unknown path.
/// </summary>
public sealed class LoadDiagnosticsApiTests
{
    private const string Secret = "load-run-secret-for-this-test";

    [Fact]
    public async Task Memory_WithTheRunSecret_ReturnsTheReading_OtherwiseNotFound()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Bot:LoadDiagnostics:Secret"] = Secret }, ct);
        using var client = host.CreateClient();

        // Act
        using var without = await GetAsync(client, null, ct);
        using var wrong = await GetAsync(client, "not-the-secret", ct);
        using var right = await GetAsync(client, Secret, ct);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, without.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var reading = JsonDocument.Parse(await right.Content.ReadAsStringAsync(ct)).RootElement;
        Assert.True(reading.GetProperty("gcHeapBytes").GetInt64() > 0);
        Assert.True(reading.GetProperty("workingSetBytes").GetInt64() > 0);
    }

    [Fact]
    public async Task Memory_WithoutAConfiguredSecret_IsNotFound()
    {
        // Arrange: no secret configured, and a caller sending an empty one.
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        using var client = host.CreateClient();

        // Act
        using var response = await GetAsync(client, "", ct);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string? secret, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, LoadDiagnosticsApi.Path);
        if (secret is not null)
        {
            request.Headers.TryAddWithoutValidation(LoadDiagnosticsApi.SecretHeader, secret);
        }

        return await client.SendAsync(request, ct);
    }
}
