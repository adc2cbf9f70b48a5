using System.Net;
using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Postal;

/// <summary>
/// Two nodes on one PostgreSQL: a dataset uploaded on node A is served by node B (PostgreSQL NOTIFY, then B reloads its
/// index from the database); a node started later loads the stored dataset at start. Also the anonymous rate limit.
/// </summary>
public sealed class PostalTwoNodeTests
{
    [Fact]
    public async Task UploadOnNodeA_NodeBServesIt_AndANewNodeLoadsItAtStart()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var pii = TestPii.CreateOptions();
        await using var nodeA = HubHost.Start(database, ownsDatabase: false, pii);
        await using var nodeB = HubHost.Start(database, ownsDatabase: false, pii);
        using var admin = await nodeA.SignInAsync("admin", ct);
        using var citizenOnB = nodeB.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await citizenOnB.GetAsync(new Uri("/api/postal/9990020", UriKind.Relative), ct)).StatusCode);

        // Act
        Assert.Equal(HttpStatusCode.OK, (await PostalApiTests.UploadAsync(admin, KenAllSample.Utf8(), ct)).StatusCode);

        // Assert
        var body = await Eventually.UntilAsync(async () =>
        {
            var response = await citizenOnB.GetAsync(new Uri("/api/postal/9990020", UriKind.Relative), ct);
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync(ct) : null;
        }, "node B serving the upload", ct);
        Assert.Equal(2, JsonDocument.Parse(body).RootElement.GetArrayLength());

        await using var nodeC = HubHost.Start(database, ownsDatabase: false, pii);
        using var citizenOnC = nodeC.CreateBrowserClient();
        await Eventually.UntilAsync(async () =>
            (await citizenOnC.GetAsync(new Uri("/api/postal/9990012", UriKind.Relative), ct)).StatusCode == HttpStatusCode.OK ? "loaded" : null,
            "node C loading the stored dataset", ct);
    }

    [Fact]
    public async Task Lookup_AnonymousOverTheLimit_429ProblemButStaffNotLimited()
    {
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Postal:AnonymousLookupsPerWindow"] = "2" }, ct);
        using var citizen = host.CreateBrowserClient();
        using var staff = await host.SignInAsync("operator", ct);
        var uri = new Uri("/api/postal/1234567", UriKind.Relative);

        await citizen.GetAsync(uri, ct);
        await citizen.GetAsync(uri, ct);
        var third = await citizen.GetAsync(uri, ct);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await staff.GetAsync(uri, ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.Equal("郵便番号の検索が多すぎます。しばらくしてからお試しください。", JsonDocument.Parse(await third.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("title").GetString());
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
    }
}
