using System.Security.Claims;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Reports.SelfService;

/// <summary>
/// The self-service report's download (<c>/console/reports/self-service/export</c>): the page's query (period, filters,
/// program) plus <c>format=csv|xlsx</c> and <c>encoding=utf8|sjis</c>, the reader's scope as on the page; audited.
/// </summary>
internal static class SelfServiceExportApi
{
    public static void Map(RouteGroupBuilder group, string[] readers) =>
        group.MapGet("/self-service/export", ExportAsync).RequireAuthorization(policy => policy.RequireRole(readers)).WithName("ExportSelfServiceReport");

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ForbidHttpResult>> ExportAsync(
        HttpContext context, ClaimsPrincipal user, HubDbContext hub, SelfServiceRequests requests, SelfServiceReports reports,
        IStringLocalizer<SelfServiceReportStrings> strings, IStringLocalizer<ReportStrings> reportStrings, TimeProvider time, CancellationToken ct)
    {
        var viewer = await ReportViewer.OfAsync(user, hub, ct);
        if (!viewer.MaySee)
        {
            return TypedResults.Forbid();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (query, program, error) = await requests.ParseAsync(context.Request.Query, viewer, ct);
        if (query is null)
        {
            errors["query"] = [error!];
        }

        var (format, encoding) = ReportsApi.FormatOf(context.Request.Query);
        if (format is null || encoding is null)
        {
            errors["format"] = [reportStrings["Error_Format"].Value];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var document = SelfServiceDocument.Of(await reports.BuildAsync(query!, ct), strings);
        return await ReportsApi.DownloadAsync(context, document, format!.Value, encoding!.Value, viewer, program, time);
    }
}
