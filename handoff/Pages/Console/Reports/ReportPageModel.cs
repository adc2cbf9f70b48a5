using System.Globalization;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Reports;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Reports;

/// <summary>
/// What the report pages share: the reader (<see cref="ReportViewer"/>), the period from the query
/// (<see cref="ReportRequests"/>) and the report its definition builds. A page only lays the tables out.
/// </summary>
internal abstract class ReportPageModel(
    string kind, IEnumerable<IReportDefinition> definitions, ReportRequests requests, HubDbContext hub, IStringLocalizer<ReportStrings> strings) : PageModel, IReportProgramFilter
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    public string Kind => kind;

    public ReportDocument? Report { get; private set; }

    public ReportViewer? Viewer { get; private set; }

    public string? Error { get; private set; }

    public string? DepartmentName { get; private set; }

    /// <summary>The export links' query (the period and the program as asked).</summary>
    public string PeriodQuery { get; private set; } = "";

    /// <summary>The program the report is filtered by, if any.</summary>
    public Handoff.Programs.ProgramDefinition? Program { get; private set; }

    /// <summary>The programs to choose from.</summary>
    public IReadOnlyList<Handoff.Programs.ProgramDefinition> Programs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Viewer = await ReportViewer.OfAsync(User, hub, cancellationToken);
        if (!Viewer.MaySee)
        {
            return Forbid();
        }

        Programs = await requests.ProgramsAsync(cancellationToken);
        var (period, error) = requests.Parse(kind, Request.Query);
        var (program, programError) = await requests.ProgramAsync(Request.Query, cancellationToken);
        error ??= programError;
        if (period is null || programError is not null)
        {
            Error = strings["Error_" + error];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (Viewer.DepartmentId is { } department)
        {
            DepartmentName = await hub.Departments.AsNoTracking().Where(d => d.Id == department).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        }

        Program = program;
        PeriodQuery = QueryOf(period) + (program is null ? "" : "&program=" + Uri.EscapeDataString(program.Code));
        Report = await definitions.Single(d => d.Kind == kind).BuildAsync(period, Viewer with { ProgramId = program?.Id }, cancellationToken);
        await OnReportAsync(cancellationToken);
        return Page();
    }

    /// <summary>Loads what a page shows beside the report.</summary>
    protected virtual Task OnReportAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The query that asks for <paramref name="period"/> again.</summary>
    protected abstract string QueryOf(ReportPeriod period);

    /// <summary>A cell as shown: counts with separators, shares as percentages, nothing as empty.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        int n => n.ToString("N0", Japanese),
        decimal ratio => (ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>The heat map's shade (0–4) of a count, relative to the table's largest.</summary>
    public static int Shade(object? value, int max) => value is int n && max > 0 ? (int)Math.Ceiling(4.0 * n / max) : 0;
}
