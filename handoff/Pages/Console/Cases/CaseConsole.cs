using System.Globalization;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Cases;

/// <summary>One choice of a pick list: its value and its label.</summary>
internal sealed record CaseChoice(string Value, string Label);

/// <summary>A category of the tree with its depth (for an indented pick list).</summary>
internal sealed record CaseCategoryChoice(Guid Id, string Name, int Depth, bool IsActive);

/// <summary>Departments under one parent (部), for an <c>optgroup</c>.</summary>
internal sealed record CaseDepartmentGroup(string Label, IReadOnlyList<CaseChoice> Departments);

/// <summary>What the case form partial needs: the values, the lists, the errors.</summary>
internal sealed record CaseFormView(CaseForm Form, CaseCatalogSnapshot Catalog, IReadOnlyDictionary<string, string[]> Errors, bool ReadOnly)
{
    public string? ErrorOf(string key) => Errors.TryGetValue(key, out var messages) && messages.Length > 0 ? string.Join(" ", messages) : null;
}

/// <summary>The case console's shared look-ups and formats.</summary>
internal static class CaseConsole
{
    /// <summary>The roles that use the case console.</summary>
    public const string Roles = HubRoles.Operator + "," + HubRoles.Supervisor + "," + HubRoles.DepartmentStaff + "," + HubRoles.Approver;

    /// <summary>The form's field ids (and the desk's error keys) in the order of the form, for the error summary.</summary>
    public static readonly string[] FieldOrder =
        ["categoryId", "inquiryType", "flags", "subject", "description", "contactName", "contactKana", "contactPhone", "contactEmail", "postalCode", "address"];

    /// <summary>The texts cases.js shows (postal look-up, template fill), by key, for the page's JSON island.</summary>
    public static IReadOnlyDictionary<string, string> ScriptTexts(IStringLocalizer<HandoffStrings> strings) =>
        strings.GetAllStrings(includeParentCultures: true)
            .Where(s => s.Name.StartsWith("CasesUi_Js_", StringComparison.Ordinal))
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    /// <summary>A UTC instant as JST, <c>2026/04/01 09:30</c>.</summary>
    public static string Jst(DateTime utc) =>
        JapanTime.ToJapan(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))).ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The same instant for a <c>time</c> element's <c>datetime</c>.</summary>
    public static string Iso(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>The category tree depth-first, siblings in their order; retired ones only when <paramref name="keep"/> is one.</summary>
    public static IReadOnlyList<CaseCategoryChoice> CategoryTree(CaseCatalogSnapshot catalog, Guid? keep = null)
    {
        var result = new List<CaseCategoryChoice>();
        var seen = new HashSet<Guid>();
        void Walk(Guid? parent, int depth)
        {
            foreach (var category in catalog.Categories.Where(c => c.ParentId == parent))
            {
                if (!seen.Add(category.Id) || (!category.IsActive && category.Id != keep))
                {
                    continue;
                }

                result.Add(new CaseCategoryChoice(category.Id, category.Name, depth, category.IsActive));
                Walk(category.Id, depth + 1);
            }
        }

        Walk(null, 0);
        return result;
    }

    /// <summary>An option's label indented by its depth (full-width spaces keep the indent in every font).</summary>
    public static string Indented(CaseCategoryChoice category) => new string('\u3000', category.Depth) + category.Name;

    /// <summary>Active departments grouped under their parent (部), each group and its members in kana order.</summary>
    public static async Task<IReadOnlyList<CaseDepartmentGroup>> DepartmentGroupsAsync(HubDbContext hub, Guid? only, CancellationToken cancellationToken)
    {
        var all = await hub.Departments.AsNoTracking().Select(d => new { d.Id, d.Name, d.Kana, d.ParentId, d.IsActive }).ToListAsync(cancellationToken);
        var byId = all.ToDictionary(d => d.Id);
        var ordinal = StringComparer.Ordinal;
        return all.Where(d => d.IsActive && (only is null || d.Id == only) && (d.ParentId is not null || !all.Any(c => c.ParentId == d.Id)))
            .GroupBy(d => d.ParentId is { } parent && byId.TryGetValue(parent, out var p) ? (p.Kana, p.Name) : ("", ""))
            .OrderBy(g => g.Key.Item1, ordinal)
            .Select(g => new CaseDepartmentGroup(g.Key.Item2, [.. g.OrderBy(d => d.Kana, ordinal).Select(d => new CaseChoice(d.Id.ToString(), d.Name))]))
            .ToList();
    }

    /// <summary>
    /// The staff a case may be assigned to, by name: a department's people see their colleagues only; the center sees its
    /// own people and, for an escalated case, the department's.
    /// </summary>
    public static async Task<IReadOnlyList<CaseChoice>> StaffAsync(HubDbContext hub, CaseActor actor, Guid? caseDepartmentId, CancellationToken cancellationToken)
    {
        var users = hub.Users.AsNoTracking();
        users = actor.DepartmentId is { } own
            ? users.Where(u => u.DepartmentId == own)
            : users.Where(u => u.DepartmentId == null || (caseDepartmentId != null && u.DepartmentId == caseDepartmentId));
        var list = await users.Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync(cancellationToken);
        return [.. list.Select(u => new CaseChoice(u.Id.ToString(), u.DisplayName is { Length: > 0 } n ? n : u.UserName ?? u.Id.ToString()))
            .OrderBy(u => u.Label, StringComparer.Ordinal)];
    }
}
