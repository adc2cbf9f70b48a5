using System.Globalization;
using System.Text;
using System.Xml;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConversationHub.Faq.Site.Apis;

/// <summary><c>/sitemap.xml</c> (every visible FAQ and browsable category) and <c>/robots.txt</c> pointing to it.</summary>
internal static class SitemapApi
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IEndpointRouteBuilder MapSitemapApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sitemap.xml", GetSitemapAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/robots.txt", GetRobots).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<FileContentHttpResult> GetSitemapAsync(
        HttpContext context, FaqDbContext db, TimeProvider time, IOptions<FaqSiteOptions> site, CancellationToken cancellationToken)
    {
        var visible = db.Visible(time.GetUtcNow().UtcDateTime);
        var faqs = await visible.OrderBy(f => f.Id).Select(f => new { f.Id, f.Question, f.UpdatedAtUtc }).ToListAsync(cancellationToken);
        var categories = await visible.SelectMany(f => f.Categories)
            .Where(c => c.Kind == FaqCategoryKind.Field || c.Kind == FaqCategoryKind.LifeEvent)
            .Select(c => c.Id).Distinct().ToListAsync(cancellationToken);

        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true };
        using var buffer = new MemoryStream();
        await using (var xml = XmlWriter.Create(buffer, settings))
        {
            await xml.WriteStartDocumentAsync();
            await xml.WriteStartElementAsync(null, "urlset", SitemapNamespace);
            await WriteUrlAsync(xml, SiteUrls.Absolute(context.Request, site.Value, "/"), null);
            foreach (var faq in faqs)
            {
                await WriteUrlAsync(xml, SiteUrls.Absolute(context.Request, site.Value, FaqSlug.CanonicalPath(faq.Id, faq.Question)), faq.UpdatedAtUtc);
            }

            foreach (var category in categories.Order())
            {
                await WriteUrlAsync(xml, SiteUrls.Absolute(context.Request, site.Value, SiteUrls.Category(category)), null);
            }

            await xml.WriteEndElementAsync();
            await xml.WriteEndDocumentAsync();
        }

        return TypedResults.Bytes(buffer.ToArray(), "application/xml; charset=utf-8");
    }

    private static async Task WriteUrlAsync(XmlWriter xml, string location, DateTime? lastModifiedUtc)
    {
        await xml.WriteStartElementAsync(null, "url", SitemapNamespace);
        await xml.WriteElementStringAsync(null, "loc", SitemapNamespace, location);
        if (lastModifiedUtc is { } modified)
        {
            // W3C datetime in UTC, as the sitemap protocol asks.
            await xml.WriteElementStringAsync(null, "lastmod", SitemapNamespace,
                DateTime.SpecifyKind(modified, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        await xml.WriteEndElementAsync();
    }

    private static ContentHttpResult GetRobots(HttpContext context, IOptions<FaqSiteOptions> site)
    {
        // Staff areas and result lists (endless query combinations) are not for crawlers; answers are.
        var robots = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Disallow: /console\n")
            .Append("Disallow: /account\n")
            .Append("Disallow: /api/\n")
            .Append("Disallow: /search\n")
            .Append("Disallow: /inquiry\n")
            .Append("Allow: /\n")
            .Append(CultureInfo.InvariantCulture, $"Sitemap: {SiteUrls.Absolute(context.Request, site.Value, "/sitemap.xml")}\n");
        return TypedResults.Text(robots.ToString(), "text/plain; charset=utf-8");
    }
}
