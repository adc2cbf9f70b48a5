using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Search.Service;
using ConversationHub.Faq.Site;
using ConversationHub.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.FaqSite;

/// <summary>Creates FAQs a test controls, in the running host's database, next to the demo city's.</summary>
public static class FaqTestData
{
    /// <summary>A browser's user agent: requests without one are treated as bots and not counted.</summary>
    public const string BrowserUserAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    /// <summary>A published, public FAQ with a unique question (a fresh marker keeps tests apart).</summary>
    internal static async Task<FaqEntry> CreateAsync(HubHost host, CancellationToken ct, Action<FaqEntry>? configure = null, string? question = null, string? answer = null)
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var faq = new FaqEntry(question ?? $"テスト用の質問 {marker} はどこで申請しますか？", answer ?? $"テスト用の回答 {marker} です。市民課の窓口で申請できます。")
        {
            Status = FaqStatus.Published,
            Visibility = FaqVisibility.Public,
            UpdatedAtUtc = new DateTime(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc),
        };
        configure?.Invoke(faq);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
        // Categories given by the test may be new or existing; attach existing ones by id.
        foreach (var category in faq.Categories)
        {
            if (await db.Categories.AnyAsync(c => c.Id == category.Id, ct))
            {
                db.Attach(category);
            }
        }

        db.Faqs.Add(faq);
        await db.SaveChangesAsync(ct);
        return faq;
    }

    /// <summary>Puts FAQs written straight to the database into the node's search index (no faq.changed event is sent).</summary>
    internal static async Task IndexAsync(HubHost host, CancellationToken ct, params Guid[] faqIds)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
        var search = host.Services.GetRequiredService<FaqSearchService>();
        foreach (var id in faqIds)
        {
            var (entry, document) = (await FaqSearchDocuments.LoadAsync(db, id, ct)).Single();
            search.Upsert(entry, document);
        }
    }

    internal static async Task<T> WithFaqDbAsync<T>(HubHost host, Func<FaqDbContext, Task<T>> read)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<FaqDbContext>());
    }

    internal static string PathOf(FaqEntry faq) => FaqSlug.CanonicalPath(faq.Id, faq.Question);

    internal static HttpRequestMessage BrowserGet(string path, string userAgent = BrowserUserAgent)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        return request;
    }
}
