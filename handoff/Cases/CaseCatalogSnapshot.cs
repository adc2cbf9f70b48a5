using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Cases;

/// <summary>The administrators' lists as one request sees them: categories, options, custom fields, templates.</summary>
internal sealed record CaseCatalogSnapshot(
    IReadOnlyList<CaseCategory> Categories,
    IReadOnlyList<CaseOption> Options,
    IReadOnlyList<CaseFieldDefinition> Fields,
    IReadOnlyList<ReplyTemplate> Templates)
{
    public static async Task<CaseCatalogSnapshot> LoadAsync(HandoffDbContext db, CancellationToken cancellationToken) => new(
        await db.CaseCategories.AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Name).ToListAsync(cancellationToken),
        await db.CaseOptions.AsNoTracking().OrderBy(o => o.Kind).ThenBy(o => o.Order).ThenBy(o => o.Code).ToListAsync(cancellationToken),
        await db.CaseFields.AsNoTracking().OrderBy(f => f.Order).ThenBy(f => f.Key).ToListAsync(cancellationToken),
        await db.ReplyTemplates.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken));

    public IEnumerable<CaseOption> Active(CaseOptionKind kind) => Options.Where(o => o.Kind == kind && o.IsActive);

    public string OptionLabel(CaseOptionKind kind, string code) =>
        Options.FirstOrDefault(o => o.Kind == kind && o.Code == code)?.Label ?? code;

    /// <summary>The category's path, 福祉 › 高齢者.</summary>
    public string? CategoryPath(Guid? id)
    {
        var parts = new List<string>();
        var seen = new HashSet<Guid>();
        while (id is { } current && seen.Add(current) && Categories.FirstOrDefault(c => c.Id == current) is { } category)
        {
            parts.Insert(0, category.Name);
            id = category.ParentId;
        }

        return parts.Count == 0 ? null : string.Join(" › ", parts);
    }

    /// <summary>The category and every category below it (a filter on 福祉 finds 福祉 › 高齢者 too).</summary>
    public HashSet<Guid> WithDescendants(Guid id)
    {
        var result = new HashSet<Guid> { id };
        bool added;
        do
        {
            added = false;
            foreach (var category in Categories)
            {
                if (category.ParentId is { } parent && result.Contains(parent) && result.Add(category.Id))
                {
                    added = true;
                }
            }
        }
        while (added);
        return result;
    }
}
