using System.Globalization;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Reports;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Reports;

/// <summary>
/// The daily report (<c>/console/reports</c>, 日次報告): yesterday's figures per Japan-time hour from the hourly
/// roll-up, or those of <c>?date=yyyy-MM-dd</c>. Department staff see their department's rows only.
/// </summary>
[Authorize(Roles = ReportViewer.Roles)]
internal sealed class ReportsIndexModel(DailyReports reports, HubDbContext hub, IStringLocalizer<HandoffStrings> strings) : PageModel
{
    public DailyReport? Report { get; private set; }

    public string? Error { get; private set; }

    public string? DepartmentName { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? date, CancellationToken cancellationToken)
    {
        var viewer = await ReportViewer.OfAsync(User, hub, cancellationToken);
        if (!viewer.MaySee)
        {
            return Forbid();
        }

        var day = reports.Yesterday;
        if (!string.IsNullOrEmpty(date) && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            Error = strings["Reports_BadDate"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (viewer.DepartmentId is { } department)
        {
            DepartmentName = await hub.Departments.AsNoTracking().Where(d => d.Id == department).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        }

        Report = await reports.BuildAsync(day, viewer.DepartmentId, cancellationToken);
        return Page();
    }

    /// <summary>A figure as shown: empty when nothing records it yet.</summary>
    public static string Figure(int? value) => value?.ToString("N0", CultureInfo.GetCultureInfo("ja-JP")) ?? "";
}
