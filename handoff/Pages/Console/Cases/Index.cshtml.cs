using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Apis;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Cases;

/// <summary>
/// The case list (<c>/console/cases</c>): the dashboard, a search and filters that live in the query string with the JSON
/// API's names (so a list is bookmarkable and the CSV export takes the same filters), a table sorted on any column, pages.
/// A malformed parameter is reported in Japanese; the list is then not shown rather than shown unfiltered.
/// </summary>
[Authorize(Roles = CaseConsole.Roles)]
internal sealed class CaseListModel(
    CaseActors actors, CaseQueries queries, HandoffDbContext db, HubDbContext hub, IStringLocalizer<HandoffStrings> strings) : PageModel
{
    /// <summary>The list's columns, in the table's order (the keys of CaseQueries' sorters and of CaseColumn_*).</summary>
    public static readonly string[] Columns = ["number", "status", "channel", "createdAt", "updatedAt", "category", "inquiryType", "subject", "contactName", "department", "assignee"];

    public static readonly int[] PageSizes = [20, 50, 100, 200];

    public CaseDashboard Dashboard { get; private set; } = null!;

    /// <summary>The page of rows; null when the query string was refused.</summary>
    public CaseListPage? Result { get; private set; }

    /// <summary>Messages for the malformed parameters, by parameter name.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public IReadOnlyList<CaseCategoryChoice> Categories { get; private set; } = [];

    public IReadOnlyList<CaseDepartmentGroup> Departments { get; private set; } = [];

    public IReadOnlyList<CaseChoice> Staff { get; private set; } = [];

    public bool CanCreate { get; private set; }

    /// <summary>The statuses checked in the filter (as sent).</summary>
    public IReadOnlySet<string> Statuses { get; private set; } = new HashSet<string>();

    public string Raw(string name) => Request.Query[name].ToString();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await actors.OfAsync(User, cancellationToken);
        if (actor is null)
        {
            return Forbid();
        }

        CanCreate = actor.DepartmentId is null && (actor.IsOperator || actor.IsSupervisor);
        Statuses = Raw("status").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Dashboard = await queries.DashboardAsync(actor, cancellationToken);
        var catalog = await CaseCatalogSnapshot.LoadAsync(db, cancellationToken);
        Categories = CaseConsole.CategoryTree(catalog);
        Departments = await CaseConsole.DepartmentGroupsAsync(hub, actor.DepartmentId, cancellationToken);
        Staff = await CaseConsole.StaffAsync(hub, actor, null, cancellationToken);

        var (query, errors) = CasesApi.ParseQuery(Request.Query, strings);
        Errors = errors;
        if (query is not null)
        {
            Result = await queries.ListAsync(actor, query, cancellationToken);
        }

        return Page();
    }

    /// <summary>This list's URL with some parameters changed (null removes one); the filters stay.</summary>
    public string Link(IReadOnlyDictionary<string, string?> changes, string path = "/console/cases")
    {
        var builder = new QueryBuilder();
        string[] names = ["q", "status", "categoryId", "departmentId", "assigneeId", "awaiting", "from", "to", "sort", "desc", "page", "pageSize"];
        foreach (var name in names.Concat(changes.Keys.Where(k => !names.Contains(k))))
        {
            var value = changes.TryGetValue(name, out var changed) ? changed : name == "status" ? string.Join(',', Statuses) : Raw(name);
            if (!string.IsNullOrEmpty(value))
            {
                builder.Add(name, value);
            }
        }

        return path + builder.ToQueryString().Value;
    }

    /// <summary>The link of a column header: the same column flips the order; another starts with its natural order.</summary>
    public string SortLink(string column)
    {
        var current = Result?.Sort == column;
        var desc = current ? !Result!.Desc : column is "createdAt" or "updatedAt" or "number";
        return Link(new Dictionary<string, string?> { ["sort"] = column, ["desc"] = desc ? "true" : "false", ["page"] = null });
    }

    public string PageLink(int page) => Link(new Dictionary<string, string?> { ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>The CSV export of these filters in <paramref name="encoding"/> (utf8, sjis); the order follows the list's sort.</summary>
    public string ExportLink(string encoding) =>
        Link(new Dictionary<string, string?> { ["encoding"] = encoding, ["page"] = null, ["pageSize"] = null }, "/api/cases/export");

    /// <summary>The page numbers to show: the first, the last and two either side of the current one (0 marks a gap).</summary>
    public IReadOnlyList<int> PageNumbers()
    {
        if (Result is null)
        {
            return [];
        }

        var last = LastPage;
        var pages = new SortedSet<int> { 1, last };
        for (var p = Math.Max(1, Result.Page - 2); p <= Math.Min(last, Result.Page + 2); p++)
        {
            pages.Add(p);
        }

        var result = new List<int>();
        foreach (var p in pages)
        {
            if (result.Count > 0 && p - result[^1] > 1)
            {
                result.Add(0);
            }

            result.Add(p);
        }

        return result;
    }

    public int LastPage => Result is null ? 1 : Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    public static string StatusClass(CaseStatus status) => "status-" + status.ToString().ToLowerInvariant();
}
