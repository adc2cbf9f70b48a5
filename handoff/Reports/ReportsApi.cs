using System.Globalization;
using System.Security.Claims;
using ConversationHub.Core.Audit;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Console;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Reports;

/// <summary>
/// The reports' downloads: any report as CSV or .xlsx (<c>/console/reports/export/{kind}</c>, the reader's rows only),
/// the kept reports (<c>/console/reports/generated/{id}.{csv|xlsx}</c>, whole-center readers only), the self-service
/// report (<c>/console/reports/self-service/export</c>, <see cref="SelfService.SelfServiceExportApi"/>), and the Chart.js
/// bundle the report pages draw with. Every download is audited.
/// </summary>
internal static class ReportsApi
{
    public static readonly string ChartJsVersion = typeof(ReportsApi).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "ChartJsVersion").Value!;

    /// <summary>The Chart.js bundle's address (versioned, cached for a year).</summary>
    public static string ChartJsPath => $"/console/reports/assets/chart-{ChartJsVersion}.js";

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder endpoints)
    {
        var readers = ReportViewer.Roles.Split(',');
        var group = endpoints.MapGroup("/console/reports").WithTags("Reports").ExcludeFromDescription();
        group.MapGet("/export/{kind}", ExportAsync).RequireAuthorization(policy => policy.RequireRole(readers)).WithName("ExportReport");
        group.MapGet("/generated/{id:guid}.{format}", GeneratedAsync)
            .RequireAuthorization(policy => policy.RequireRole(ReportViewer.CenterRoles.Split(','))).WithName("DownloadGeneratedReport");
        group.MapGet($"/assets/chart-{ChartJsVersion}.js", (HttpContext context) =>
                ConsoleAssets.Serve(context, ConsoleAssets.Load("chart.js", "ConversationHub.Handoff.chart.umd.min.js")!, "text/javascript; charset=utf-8", immutable: true))
            .RequireAuthorization(policy => policy.RequireRole(readers));
        SelfService.SelfServiceExportApi.Map(group, readers);
        return endpoints;
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ForbidHttpResult>> ExportAsync(
        string kind, HttpContext context, ClaimsPrincipal user, HubDbContext hub, ReportRequests requests, IEnumerable<IReportDefinition> definitions,
        IStringLocalizer<ReportStrings> strings, TimeProvider time, CancellationToken ct)
    {
        var viewer = await ReportViewer.OfAsync(user, hub, ct);
        if (!viewer.MaySee)
        {
            return TypedResults.Forbid();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var definition = definitions.FirstOrDefault(d => d.Kind == kind);
        var (period, error) = requests.Parse(kind, context.Request.Query);
        if (definition is null || period is null)
        {
            errors["period"] = [strings["Error_" + (error ?? "BadKind")].Value];
        }

        var (program, programError) = await requests.ProgramAsync(context.Request.Query, ct);
        if (programError is not null)
        {
            errors["program"] = [strings["Error_" + programError].Value];
        }

        var (format, encoding) = FormatOf(context.Request.Query);
        if (format is null || encoding is null)
        {
            errors["format"] = [strings["Error_Format"].Value];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var document = await definition!.BuildAsync(period!, viewer with { ProgramId = program?.Id }, ct);
        return await DownloadAsync(context, document, format!.Value, encoding!.Value, viewer, program, time);
    }

    /// <summary>
    /// <paramref name="document"/> as a file to download, named for its kind, period and the time of the download; the
    /// download is audited with the reader's scope and program.
    /// </summary>
    internal static async Task<FileContentHttpResult> DownloadAsync(
        HttpContext context, ReportDocument document, ReportFormat format, CaseCsvEncoding encoding, ReportViewer viewer, Programs.ProgramDefinition? program, TimeProvider time)
    {
        var bytes = format == ReportFormat.Xlsx ? ReportExport.Xlsx(document) : ReportExport.Csv(document, encoding);
        var key = document.Period.Key(document.Kind);
        await context.AuditAsync(AuditActions.Exported, $"report:{document.Kind}:{key}",
            $"{FormatName(format, encoding)}; {(viewer.DepartmentId is { } d ? "department " + d : "center")}{(program is null ? "" : "; program " + program.Code)}");
        var stamp = JapanTime.ToJapan(time.GetUtcNow()).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return File(bytes, format, encoding, $"report-{document.Kind}-{key.Replace("..", "_", StringComparison.Ordinal)}-{stamp}");
    }

    internal static async Task<Results<FileContentHttpResult, NotFound>> GeneratedAsync(Guid id, string format, HttpContext context, HandoffDbContext db, CancellationToken ct)
    {
        var xlsx = string.Equals(format, "xlsx", StringComparison.Ordinal);
        if (!xlsx && !string.Equals(format, "csv", StringComparison.Ordinal))
        {
            return TypedResults.NotFound();
        }

        var report = await db.GeneratedReports.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.Kind, r.Period, Bytes = xlsx ? r.Xlsx : r.Csv }).FirstOrDefaultAsync(ct);
        if (report?.Bytes is null)
        {
            return TypedResults.NotFound();
        }

        await context.AuditAsync(AuditActions.Exported, $"report:{report.Kind}:{report.Period}", "generated " + format);
        return File(report.Bytes, xlsx ? ReportFormat.Xlsx : ReportFormat.Csv, CaseCsvEncoding.Utf8,
            $"report-{report.Kind}-{report.Period.Replace("..", "_", StringComparison.Ordinal)}");
    }

    internal static (ReportFormat? Format, CaseCsvEncoding? Encoding) FormatOf(IQueryCollection query) =>
        (query["format"].ToString(), query["encoding"].ToString()) switch
        {
            ("" or "csv", "" or "utf8" or "utf-8") => (ReportFormat.Csv, CaseCsvEncoding.Utf8),
            ("" or "csv", "sjis" or "shift_jis") => (ReportFormat.Csv, CaseCsvEncoding.ShiftJis),
            ("xlsx", "") => (ReportFormat.Xlsx, CaseCsvEncoding.Utf8),
            _ => (null, null),
        };

    private static string FormatName(ReportFormat format, CaseCsvEncoding encoding) =>
        format == ReportFormat.Xlsx ? "xlsx" : encoding == CaseCsvEncoding.ShiftJis ? "csv shift_jis" : "csv utf-8";

    private static FileContentHttpResult File(byte[] bytes, ReportFormat format, CaseCsvEncoding encoding, string name) => format == ReportFormat.Xlsx
        ? TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
        : TypedResults.File(bytes, encoding == CaseCsvEncoding.ShiftJis ? "text/csv; charset=shift_jis" : "text/csv; charset=utf-8", name + ".csv");
}
