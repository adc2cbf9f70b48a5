using System.Globalization;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Reports;
using ConversationHub.Handoff.Reports.SelfService;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Pages.Console.Reports;

/// <summary>
/// The self-service report (<c>/console/reports/self-service</c>): for <c>?from=…&amp;to=…</c> (Japan-time days; the
/// last 30 days to yesterday by default), filtered by <c>channel</c>, <c>department</c>, <c>category</c> and
/// <c>program</c> (a program's code, as on the other report pages), trend <c>per=week|month</c>. Department staff see
/// their department's cases only.
/// </summary>
[Authorize(Roles = ReportViewer.Roles)]
internal sealed class SelfServiceReportModel(
    SelfServiceReports reports, SelfServiceRequests selfService, ReportRequests requests, HubDbContext hub, HandoffDbContext handoff) : PageModel, IReportProgramFilter
{
    public SelfServiceReport? Report { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The department the reader is limited to (department staff), by name.</summary>
    public string? DepartmentName { get; private set; }

    public bool SeesCenter { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Departments { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Categories { get; private set; } = [];

    public string From { get; private set; } = "";

    public string To { get; private set; } = "";

    public string? Channel { get; private set; }

    public string? Department { get; private set; }

    public string? Category { get; private set; }

    public string Per { get; private set; } = "week";

    public IReadOnlyList<Handoff.Programs.ProgramDefinition> Programs { get; private set; } = [];

    public Handoff.Programs.ProgramDefinition? Program { get; private set; }

    /// <summary>The export links' query: the page's own, without a format.</summary>
    public string ExportQuery { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? channel, string? department, string? category, CancellationToken cancellationToken)
    {
        var viewer = await ReportViewer.OfAsync(User, hub, cancellationToken);
        if (!viewer.MaySee)
        {
            return Forbid();
        }

        SeesCenter = viewer.SeesCenter;
        Programs = await requests.ProgramsAsync(cancellationToken);
        await LoadChoicesAsync(viewer, cancellationToken);
        (From, To) = selfService.Period(Request.Query);
        (Channel, Department, Category) = (channel, department, category);
        var (query, program, error) = await selfService.ParseAsync(Request.Query, viewer, cancellationToken);
        if (query is null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        (Program, Per) = (program, query.Grain == TrendGrain.Month ? "month" : "week");
        ExportQuery = string.Join("&", Request.Query.Where(q => q.Key is not ("format" or "encoding"))
            .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value.ToString())));
        Report = await reports.BuildAsync(query, cancellationToken);
        return Page();
    }

    /// <summary>A count as shown.</summary>
    public static string Count(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("ja-JP"));

    /// <summary>A share as shown (one decimal), empty when there is nothing to divide by.</summary>
    public static string Share(double? share) => share?.ToString("P1", CultureInfo.GetCultureInfo("ja-JP")) ?? "";

    private async Task LoadChoicesAsync(ReportViewer viewer, CancellationToken cancellationToken)
    {
        if (viewer.DepartmentId is { } own)
        {
            DepartmentName = await hub.Departments.AsNoTracking().Where(d => d.Id == own).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        }
        else
        {
            Departments = [.. (await hub.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Code).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken))
                .Select(d => (d.Id, d.Name))];
        }

        Categories = [.. (await handoff.CaseCategories.AsNoTracking().OrderBy(c => c.Order).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
            .Select(c => (c.Id, c.Name))];
    }
}
