using System.Net;
using ConversationHub.Faq.Site;
using ConversationHub.Faq.Site.Analytics;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.FaqSite;

/// <summary>View counting for the ranking, on each provider: people count once per 30 minutes, bots never.</summary>
public abstract class FaqViewCountHttpTests(HostFixture fixture)
{
    private HubHost Host => fixture.Host;

    [Fact]
    public async Task Get_ReloadsAndBots_CountOneView()
    {
        // Arrange
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(Host, ct);
        using var client = Host.CreateBrowserClient();

        // Act: a citizen opens the page and reloads twice; crawlers and a script visit it too.
        for (var i = 0; i < 3; i++)
        {
            using var view = await client.SendAsync(FaqTestData.BrowserGet(FaqTestData.PathOf(faq)), ct);
            Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        }

        foreach (var bot in new[] { "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "Mozilla/5.0 HeadlessChrome/120.0", "curl/8.5.0", "" })
        {
            using var crawl = await client.SendAsync(FaqTestData.BrowserGet(FaqTestData.PathOf(faq), bot), ct);
            Assert.Equal(HttpStatusCode.OK, crawl.StatusCode);
        }

        // Assert
        Assert.Equal(1, await ViewsAsync(faq.Id, ct));
    }

    [Fact]
    public async Task Get_AnotherBrowser_CountsAgain()
    {
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(Host, ct);
        using var client = Host.CreateBrowserClient();

        using (await client.SendAsync(FaqTestData.BrowserGet(FaqTestData.PathOf(faq)), ct))
        using (await client.SendAsync(FaqTestData.BrowserGet(FaqTestData.PathOf(faq), "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36"), ct))
        {
        }

        Assert.Equal(2, await ViewsAsync(faq.Id, ct));
    }

    [Fact]
    public async Task Increment_ConcurrentFirstViewsOfTheDay_LoseNoCount()
    {
        // Arrange: 20 requests race to insert the day's row; the losers must fall back to the UPDATE.
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(Host, ct);
        var day = JapanDate.Today(TimeProvider.System);

        // Act
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            await using var scope = Host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FaqViewCounter>().IncrementAsync(faq.Id, day, ct);
        }));

        // Assert
        Assert.Equal(20, await ViewsAsync(faq.Id, ct));
    }

    private Task<int> ViewsAsync(Guid faqId, CancellationToken ct) =>
        FaqTestData.WithFaqDbAsync(Host, db => db.ViewCounts.Where(v => v.FaqId == faqId).SumAsync(v => v.Count, ct));
}

public sealed class SqliteFaqViewCountHttpTests(SqliteHostFixture fixture) : FaqViewCountHttpTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresFaqViewCountHttpTests(PostgresHostFixture fixture) : FaqViewCountHttpTests(fixture), IClassFixture<PostgresHostFixture>;
