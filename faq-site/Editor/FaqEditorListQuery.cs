using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Editor;

/// <summary>The editors' FAQ list: every status and visibility, filtered, newest change first, one page at a time.</summary>
internal sealed class FaqEditorListQuery(FaqDbContext db, StaffDirectory staff)
{
    public const int PageSize = 20;
    public const int MaxTextLength = 100;

    public async Task<FaqEditorListPage> ExecuteAsync(FaqEditorListFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var faqs = db.Faqs.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            text = text[..Math.Min(text.Length, MaxTextLength)];
            faqs = faqs.Where(f => f.Question.Contains(text) || f.Paraphrases.Any(p => p.Text.Contains(text)) || f.AnswerMarkdown.Contains(text));
        }

        if (filter.Status is { } status)
        {
            faqs = faqs.Where(f => f.Status == status);
        }

        if (filter.Visibility is { } visibility)
        {
            faqs = faqs.Where(f => f.Visibility == visibility);
        }

        if (filter.CategoryId is { } categoryId)
        {
            faqs = faqs.Where(f => f.Categories.Any(c => c.Id == categoryId));
        }

        if (filter.DepartmentId is { } departmentId)
        {
            faqs = faqs.Where(f => f.Owners.Any(o => o.DepartmentId == departmentId));
        }

        var total = await faqs.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var rows = await faqs.OrderByDescending(f => f.UpdatedAtUtc).ThenBy(f => f.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(f => new
            {
                f.Id,
                f.Question,
                f.Status,
                f.Visibility,
                f.UpdatedAtUtc,
                Editor = db.Revisions.Where(r => r.FaqId == f.Id).OrderByDescending(r => r.Number).Select(r => r.EditorUserId).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var names = await staff.NamesAsync(rows.Select(r => r.Editor), cancellationToken);
        var items = rows.Select(r => new FaqEditorListItem(r.Id, r.Question, r.Status, r.Visibility, r.UpdatedAtUtc,
            r.Editor is { } editor && names.TryGetValue(editor, out var name) ? name : null)).ToList();
        return new FaqEditorListPage(items, total, page, pageCount);
    }

    /// <summary>Fields and life events, the axes worth filtering on (keywords are too many for a list).</summary>
    public async Task<IReadOnlyList<FaqCategory>> FilterCategoriesAsync(CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking().Where(c => c.Kind != FaqCategoryKind.Keyword)
            .OrderBy(c => c.Kind).ThenBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
}

/// <summary>What the editor filters the list by; null means any.</summary>
internal sealed record FaqEditorListFilter(string? Text, FaqStatus? Status, FaqVisibility? Visibility, Guid? CategoryId, Guid? DepartmentId, int Page);

internal sealed record FaqEditorListItem(Guid Id, string Question, FaqStatus Status, FaqVisibility Visibility, DateTime UpdatedAtUtc, string? UpdatedBy);

internal sealed record FaqEditorListPage(IReadOnlyList<FaqEditorListItem> Items, int Total, int Page, int PageCount);
