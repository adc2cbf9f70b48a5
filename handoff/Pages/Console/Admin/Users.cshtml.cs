using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Organisation;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Admin.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Pages.Console.Admin;

/// <summary>
/// ユーザー管理: staff accounts, a page of 50 at a time, filtered by role, department, state and a part of the staff
/// id, with a CSV export of the whole selection (audited).
/// </summary>
[Authorize(Roles = HubRoles.Administrator)]
internal sealed class UsersModel(StaffDirectory directory, HubDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Department { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public StaffPage Result { get; private set; } = new([], 0);

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public int LastPage => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        Departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken);
        Result = await directory.PageAsync(Filter, PageNumber, PageSize, cancellationToken);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var rows = await directory.AllAsync(Filter, cancellationToken);
        await HttpContext.AuditAsync(AuditActions.Exported, "users", $"{rows.Count} rows");
        return File(StaffCsvExport.Write(rows), "text/csv; charset=utf-8", $"users-{DateTime.UtcNow.Add(Core.Calendar.JapanTime.Offset):yyyyMMdd-HHmm}.csv");
    }

    /// <summary>This list's address with another page number (the filters kept).</summary>
    public string PageLink(int page) =>
        $"/console/admin/users?role={Uri.EscapeDataString(Role ?? "")}&department={Department}&state={Uri.EscapeDataString(State ?? "")}&q={Uri.EscapeDataString(Q ?? "")}&p={page}";

    private StaffFilter Filter => new(
        HubRoles.All.Contains(Role ?? "", StringComparer.Ordinal) ? Role : null,
        Department,
        State is StaffDirectory.ActiveState or StaffDirectory.DisabledState ? State : null,
        Q);
}
