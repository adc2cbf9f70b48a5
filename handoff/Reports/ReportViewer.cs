using System.Security.Claims;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Reports;

/// <summary>
/// Whose figures a reader of the reports sees: supervisors and administrators the whole center's; department staff
/// only their department's rows (its escalations); department staff without a department nothing.
/// </summary>
internal sealed record ReportViewer(bool SeesCenter, Guid? DepartmentId)
{
    /// <summary>Only the contacts of this program (施策); the whole service when null. A filter the reader chose.</summary>
    public Guid? ProgramId { get; init; }

    /// <summary>Whether the center-wide lists (FAQ proposals, access changes) belong in the report: not for one program.</summary>
    public bool SeesCenterLists => SeesCenter && ProgramId is null;

    /// <summary>The roles that read reports.</summary>
    public const string Roles = HubRoles.Supervisor + "," + HubRoles.Administrator + "," + HubRoles.DepartmentStaff;

    /// <summary>The roles that see the whole center, and so the kept (whole-center) reports.</summary>
    public const string CenterRoles = HubRoles.Supervisor + "," + HubRoles.Administrator;

    /// <summary>The whole center's reader: the schedule makes the kept reports as supervisors see them.</summary>
    public static ReportViewer Center { get; } = new(true, null);

    /// <summary>Whether the reader may see any report.</summary>
    public bool MaySee => SeesCenter || DepartmentId is not null;

    /// <summary>The reader of <paramref name="principal"/>.</summary>
    public static async Task<ReportViewer> OfAsync(ClaimsPrincipal principal, HubDbContext hub, CancellationToken cancellationToken)
    {
        if (principal.IsInRole(HubRoles.Supervisor) || principal.IsInRole(HubRoles.Administrator))
        {
            return Center;
        }

        if (!principal.IsInRole(HubRoles.DepartmentStaff) || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return new ReportViewer(false, null);
        }

        var departmentId = await hub.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DepartmentId).FirstOrDefaultAsync(cancellationToken);
        return new ReportViewer(false, departmentId);
    }
}
