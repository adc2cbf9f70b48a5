using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.KnowledgeBase.Editing;

/// <summary>
/// Brings back the content of an old revision as a new revision (history is never rewritten). The status is
/// not restored: publishing stays an explicit act, so a restore never puts an answer online by surprise.
/// </summary>
public sealed class RestoreFaqRevision(FaqDbContext db, SaveFaq save)
{
    public async Task<FaqEditResult> ExecuteAsync(Guid faqId, int number, int expectedRevision, FaqEditorActor editor, CancellationToken cancellationToken)
    {
        var json = await db.Revisions.AsNoTracking().Where(r => r.FaqId == faqId && r.Number == number).Select(r => r.SnapshotJson).FirstOrDefaultAsync(cancellationToken);
        if (json is null || FaqRevisionSnapshot.FromJson(json) is not { } snapshot)
        {
            return FaqEditResult.NotFound(faqId);
        }

        var edit = new FaqEdit(
            snapshot.Question,
            snapshot.Paraphrases,
            snapshot.AnswerMarkdown,
            Enum.TryParse<FaqVisibility>(snapshot.Visibility, out var visibility) ? visibility : null,
            CategoryNames(snapshot, FaqCategoryKind.LifeEvent),
            CategoryNames(snapshot, FaqCategoryKind.Field),
            CategoryNames(snapshot, FaqCategoryKind.Keyword),
            // Older snapshots did not record owners or links: keep today's rather than clearing them.
            snapshot.DepartmentIds ?? await db.Faqs.Where(f => f.Id == faqId).SelectMany(f => f.Owners).Select(o => o.DepartmentId).ToListAsync(cancellationToken),
            snapshot.PublishFromUtc,
            snapshot.PublishUntilUtc,
            $"第{number}版を復元",
            expectedRevision,
            snapshot.RelatedLinks?.Select(l => new FaqLinkEdit(l.Title, l.Url)).ToList());
        return await save.ExecuteAsync(faqId, edit, editor, cancellationToken);
    }

    private static List<string> CategoryNames(FaqRevisionSnapshot snapshot, FaqCategoryKind kind)
    {
        var prefix = kind + ":";
        return [.. snapshot.Categories.Where(c => c.StartsWith(prefix, StringComparison.Ordinal)).Select(c => c[prefix.Length..])];
    }
}
