using ConversationHub.Faq.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs.FaqLanguages;

/// <summary>The demo's coupon FAQs by key (the demo city is seeded in every test host), and their public pages.</summary>
internal static class FaqLanguageTestData
{
    public static async Task<(Guid Id, string Question)> FaqAsync(HubHost host, string key, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var faq = await scope.ServiceProvider.GetRequiredService<FaqDbContext>().Faqs.AsNoTracking()
            .Where(f => f.ExternalKey == key).Select(f => new { f.Id, f.Question }).SingleAsync(ct);
        return (faq.Id, faq.Question);
    }

    public static async Task<int> TranslationCountAsync(HubHost host, Guid faqId, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FaqDbContext>().Translations.CountAsync(t => t.FaqId == faqId, ct);
    }

    public static string PagePath(Guid id, string question, string? lang = null) =>
        Faq.Translations.FaqTranslations.PagePath(id, question, lang ?? "");
}
