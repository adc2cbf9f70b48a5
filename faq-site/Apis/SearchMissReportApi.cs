using ConversationHub.Core.Identity;
using ConversationHub.Faq.Search.Misses;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ConversationHub.Faq.Apis;

/// <summary>
/// Editors' report of what citizens searched for without finding a good FAQ: the most frequent masked queries of
/// the last days, with counts per kind, so the missing FAQs can be written.
/// </summary>
internal static class SearchMissReportApi
{
    public static IEndpointRouteBuilder MapSearchMissReportApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/faq/reports")
            .RequireAuthorization(policy => policy.RequireRole(HubRoles.FaqEditor, HubRoles.Administrator))
            .WithTags("FAQ reports")
            .MapGet("/misses", GetMissesAsync).WithName("GetFaqSearchMisses")
            .WithSummary("The most frequent zero-hit and low-confidence queries (masked) of the last days, with counts per kind.");
        return endpoints;
    }

    internal static async Task<Results<Ok<MissReport>, ValidationProblem>> GetMissesAsync(
        int? days, int? top, SearchMissReport report, CancellationToken cancellationToken)
    {
        var window = days ?? 7;
        var rows = top ?? 50;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (window is < 1 or > SearchMissReport.MaxDays)
            errors["days"] = [$"days must be from 1 to {SearchMissReport.MaxDays}."];
        if (rows is < 1 or > SearchMissReport.MaxRows)
            errors["top"] = [$"top must be from 1 to {SearchMissReport.MaxRows}."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        return TypedResults.Ok(await report.ExecuteAsync(window, rows, cancellationToken));
    }
}
