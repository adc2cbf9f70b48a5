using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Search.Index;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Search.Service;

/// <summary>Reads published FAQs from the database into what the search index and its filters need.</summary>
internal static class FaqSearchDocuments
{
    public static string Key(Guid faqId) => faqId.ToString("N");

    /// <summary>Every published FAQ (all visibilities; search filters by audience), or only <paramref name="faqId"/>.</summary>
    public static async Task<List<(FaqSearchEntry Entry, SearchDocument Document)>> LoadAsync(FaqDbContext db, Guid? faqId, CancellationToken cancellationToken)
    {
        var query = db.Faqs.AsNoTracking().AsSplitQuery()
            .Include(f => f.Paraphrases)
            .Include(f => f.Categories)
            .Where(f => f.Status == FaqStatus.Published);
        if (faqId is { } id)
        {
            query = query.Where(f => f.Id == id);
        }

        var faqs = await query.ToListAsync(cancellationToken);
        var holds = await db.ProgramHolds.AsNoTracking()
            .Where(h => faqId == null || h.FaqId == faqId)
            .ToDictionaryAsync(h => h.FaqId, h => h.WithheldFromUtc, cancellationToken);
        return [.. faqs.Select(f => ToSearch(f, holds.TryGetValue(f.Id, out var withheld) ? withheld : null))];
    }

    private static (FaqSearchEntry, SearchDocument) ToSearch(FaqEntry faq, DateTime? withheldFromUtc)
    {
        var answer = MarkdownText.ToPlainText(faq.AnswerMarkdown);
        var entry = new FaqSearchEntry(faq.Id, faq.Question, answer, faq.Visibility, faq.PublishFromUtc, faq.PublishUntilUtc, [.. faq.Categories.Select(c => c.Id)], faq.UpdatedAtUtc, withheldFromUtc);
        var document = new SearchDocument(Key(faq.Id), faq.Question, answer)
        {
            Paraphrases = [.. faq.Paraphrases.Select(p => p.Text)],
            Keywords = [.. faq.Categories.Select(c => c.Name)],
        };
        return (entry, document);
    }
}
