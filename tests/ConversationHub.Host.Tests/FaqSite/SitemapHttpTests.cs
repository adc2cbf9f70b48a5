using System.Net;
using System.Xml.Linq;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.FaqSite;

public sealed class SitemapHttpTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Sitemap_IsValidXmlListingVisibleFaqsWithLastmodAndCategories()
    {
        // Arrange
        var ct = TestTimeout.Token();
        var category = new FaqCategory(FaqCategoryKind.Field, "地図テスト " + Guid.NewGuid().ToString("N")[..6]);
        var visible = await FaqTestData.CreateAsync(fixture.Host, ct, f => f.Categories.Add(category));
        var draft = await FaqTestData.CreateAsync(fixture.Host, ct, f => f.Status = FaqStatus.Draft);
        using var client = fixture.Host.CreateClient();

        // Act
        using var response = await client.GetAsync(new Uri("/sitemap.xml", UriKind.Relative), ct);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync(ct));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Sitemap + "urlset", document.Root!.Name);
        var urls = document.Root.Elements(Sitemap + "url").ToDictionary(u => new Uri(u.Element(Sitemap + "loc")!.Value).AbsolutePath, u => u.Element(Sitemap + "lastmod")?.Value, StringComparer.Ordinal);
        Assert.Equal("2026-11-23T01:00:00Z", urls[new Uri(fixture.Host.ClientOptions.BaseAddress, FaqTestData.PathOf(visible)).AbsolutePath]);
        Assert.Contains($"/category/{category.Id}", urls.Keys);
        Assert.DoesNotContain(urls.Keys, path => path.Contains(draft.Id.ToString(), StringComparison.Ordinal));
        Assert.True(urls.Count > 150, $"{urls.Count} URLs: the demo city's FAQs should be listed too");
    }

    [Fact]
    public async Task Robots_PointsToTheSitemap()
    {
        using var client = fixture.Host.CreateClient();

        var robots = await client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative), TestTimeout.Token());

        Assert.Contains($"Sitemap: {fixture.Host.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority)}/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /console", robots, StringComparison.Ordinal);
    }
}
