using ConversationHub.Core.Events;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Search.Service;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.KnowledgeBase.Editing;

/// <summary>
/// Creates or changes an FAQ as an editor: validates, applies, writes a revision (改訂履歴) in the same
/// transaction, then tells every node to refresh its index.
/// </summary>
public sealed class SaveFaq(FaqDbContext db, IHubEvents events, TimeProvider time)
{
    /// <summary>Creates a draft (when <paramref name="faqId"/> is null) or updates an existing FAQ, as an editor who may edit every FAQ.</summary>
    public Task<FaqEditResult> ExecuteAsync(Guid? faqId, FaqEdit edit, Guid? editorId, CancellationToken cancellationToken) =>
        ExecuteAsync(faqId, edit, FaqEditorActor.Editor(editorId), cancellationToken);

    /// <summary>
    /// Creates a draft (when <paramref name="faqId"/> is null) or updates an existing FAQ, as <paramref name="editor"/>:
    /// forbidden when the FAQ is not theirs to edit, invalid when the new owners would leave out their department.
    /// </summary>
    public async Task<FaqEditResult> ExecuteAsync(Guid? faqId, FaqEdit edit, FaqEditorActor editor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(editor);
        var errors = FaqEditValidator.Validate(edit);
        if (errors.Count > 0)
        {
            return FaqEditResult.Invalid(errors);
        }

        FaqEntry? faq = null;
        var current = 0;
        if (faqId is { } id)
        {
            var found = await FaqEditing.LoadAsync(db, id, cancellationToken);
            if (found is null)
            {
                return FaqEditResult.NotFound(id);
            }

            if (!editor.MayEdit(found.Owners.Select(o => o.DepartmentId)))
            {
                return FaqEditResult.Forbidden(id);
            }

            faq = found;
            current = await FaqEditing.LatestRevisionAsync(db, id, cancellationToken);
            if (edit.ExpectedRevision != current)
            {
                return FaqEditResult.Conflict(id, current);
            }
        }

        // After the FAQ's own owners decided whether it is the editor's at all (403 before 400).
        if (!editor.MayOwn(edit.DepartmentIds))
        {
            return FaqEditResult.Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["departmentIds"] = ["所管課に、あなたの課を含めてください。"] });
        }

        if (faq is null)
        {
            faq = new FaqEntry(edit.Question!.Trim(), edit.AnswerMarkdown!) { CreatedAtUtc = time.GetUtcNow().UtcDateTime };
            db.Faqs.Add(faq);
        }

        await ApplyAsync(faq, edit, cancellationToken);
        var revision = await FaqEditing.CommitWithRevisionAsync(db, faq, current + 1, editor.UserId, edit.ChangeNote, time, cancellationToken);
        await events.PublishAsync(FaqSearchTopics.FaqChanged, faq.Id.ToString(), cancellationToken);
        return FaqEditResult.Saved(faq.Id, revision);
    }

    private async Task ApplyAsync(FaqEntry faq, FaqEdit edit, CancellationToken cancellationToken)
    {
        faq.Question = edit.Question!.Trim();
        faq.AnswerMarkdown = edit.AnswerMarkdown!;
        faq.Visibility = edit.Visibility ?? faq.Visibility;
        faq.PublishFromUtc = edit.PublishFromUtc;
        faq.PublishUntilUtc = edit.PublishUntilUtc;
        // New rows are added to the context explicitly: their client-generated keys would otherwise make EF
        // take them for existing rows of a tracked FAQ and issue UPDATEs that match nothing.
        faq.Paraphrases.Clear();
        foreach (var paraphrase in (edit.Paraphrases ?? []).Select(p => new FaqParaphrase(p.Trim())))
        {
            faq.Paraphrases.Add(paraphrase);
            db.Add(paraphrase);
        }

        // Owners are keyed by (FAQ, department): keep the unchanged rows rather than delete and re-add the same key.
        var owners = (edit.DepartmentIds ?? []).ToHashSet();
        faq.Owners.RemoveAll(o => !owners.Contains(o.DepartmentId));
        faq.Owners.AddRange(owners.Where(d => !faq.Owners.Any(o => o.DepartmentId == d)).Select(d => new FaqOwner(d)));
        if (edit.RelatedLinks is { } links)
        {
            faq.RelatedLinks.Clear();
            foreach (var link in links.Select((l, i) => new FaqRelatedLink(l.Title!.Trim(), l.Url!.Trim()) { SortOrder = i }))
            {
                faq.RelatedLinks.Add(link);
                db.Add(link);
            }
        }

        // Categories are diffed, not cleared and re-added: a cleared link that is added back in the same unit of
        // work was being saved as removed, so an edit lost the categories it kept.
        var categories = new List<FaqCategory>();
        await ResolveCategoriesAsync(categories, FaqCategoryKind.LifeEvent, edit.LifeEvents, cancellationToken);
        await ResolveCategoriesAsync(categories, FaqCategoryKind.Field, edit.Fields, cancellationToken);
        await ResolveCategoriesAsync(categories, FaqCategoryKind.Keyword, edit.Keywords, cancellationToken);
        faq.Categories.RemoveAll(c => !categories.Contains(c));
        faq.Categories.AddRange(categories.Where(c => !faq.Categories.Contains(c)));
    }

    private async Task ResolveCategoriesAsync(List<FaqCategory> categories, FaqCategoryKind kind, IReadOnlyList<string>? names, CancellationToken cancellationToken)
    {
        foreach (var name in (names ?? []).Select(n => n.Trim()).Distinct(StringComparer.Ordinal))
        {
            var category = db.Categories.Local.FirstOrDefault(c => c.Kind == kind && c.Name == name)
                ?? await db.Categories.FirstOrDefaultAsync(c => c.Kind == kind && c.Name == name, cancellationToken);
            if (category is null)
            {
                category = new FaqCategory(kind, name);
                db.Categories.Add(category);
            }

            categories.Add(category);
        }
    }
}
