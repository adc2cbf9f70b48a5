using System.Globalization;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Reports;
using ConversationHub.Handoff.Reports.SelfService;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Reports;

/// <summary>
/// The self-service report (<c>/console/reports/self-service</c>): for <c>?from=…&amp;to=…</c> (Japan-time days; the
/// last 30 days to yesterday by default), filtered by <c>channel</c>, <c>department</c>, <c>category</c> and
/// <c>program</c> (a program's code, as on the other report pages), trend <c>per=week|month</c>. Department staff see
/// their department's cases only.
/// </summary>
[Authorize(Roles = ReportViewer.Roles)]
internal sealed class SelfServiceReportModel(
    SelfServiceReports reports, ReportRequests requests, HubDbContext hub, HandoffDbContext handoff, TimeProvider time,
    IStringLocalizer<SelfServiceReportStrings> strings, IStringLocalizer<ReportStrings> reportStrings) : PageModel, IReportProgramFilter
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

    public async Task<IActionResult> OnGetAsync(string? from, string? to, string? channel, string? department, string? category, string? per, CancellationToken cancellationToken)
    {
        var viewer = await ReportViewer.OfAsync(User, hub, cancellationToken);
        if (!viewer.MaySee)
        {
            return Forbid();
        }

        SeesCenter = viewer.SeesCenter;
        Programs = await requests.ProgramsAsync(cancellationToken);
        await LoadChoicesAsync(viewer, cancellationToken);
        var yesterday = DateOnly.FromDateTime(JapanTime.ToJapan(time.GetUtcNow()).DateTime).AddDays(-1);
        (From, To, Channel, Department, Category) = (from ?? Iso(yesterday.AddDays(-29)), to ?? Iso(yesterday), channel, department, category);
        if (!TryDay(From, out var fromDay) || !TryDay(To, out var toDay))
        {
            return Invalid(strings["SelfService_BadDate"]);
        }

        if (toDay < fromDay || toDay.DayNumber - fromDay.DayNumber >= SelfServiceQuery.MaxDays)
        {
            return Invalid(strings["SelfService_BadPeriod", SelfServiceQuery.MaxDays]);
        }

        ContactChannel? contactChannel = null;
        if (!string.IsNullOrEmpty(channel))
        {
            if (!Enum.TryParse<ContactChannel>(channel, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Invalid(strings["SelfService_BadFilter"]);
            }

            contactChannel = parsed;
        }

        if (!TryId(department, out var departmentId) || !TryId(category, out var categoryId) || per is not (null or "week" or "month"))
        {
            return Invalid(strings["SelfService_BadFilter"]);
        }

        var (program, programError) = await requests.ProgramAsync(Request.Query, cancellationToken);
        if (programError is not null)
        {
            return Invalid(reportStrings["Error_" + programError]);
        }

        Program = program;
        Per = per ?? (toDay.DayNumber - fromDay.DayNumber > 92 ? "month" : "week");
        // Department staff see their department whatever the address says.
        var scope = viewer.SeesCenter ? departmentId : viewer.DepartmentId;
        Report = await reports.BuildAsync(
            new SelfServiceQuery(fromDay, toDay, contactChannel, scope, categoryId, program?.Id, Per == "month" ? TrendGrain.Month : TrendGrain.Week),
            cancellationToken);
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

    private PageResult Invalid(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static bool TryId(string? text, out Guid? id)
    {
        id = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!Guid.TryParse(text, out var parsed))
        {
            return false;
        }

        id = parsed;
        return true;
    }
}
