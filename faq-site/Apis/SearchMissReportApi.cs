using ConversationHub.Core.Identity;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Search.Misses;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Apis;

/// <summary>
/// Editors' report of what citizens searched for without finding a good FAQ: the most frequent masked queries of
/// the last days, with counts per kind, so the missing FAQs can be written.
/// </summary>
internal static class SearchMissReportApi
{
    public const int MaxDays = 90;
    public const int MaxRows = 100;

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
        int? days, int? top, FaqDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var window = days ?? 7;
        var rows = top ?? 50;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (window is < 1 or > MaxDays)
            errors["days"] = [$"days must be from 1 to {MaxDays}."];
        if (rows is < 1 or > MaxRows)
            errors["top"] = [$"top must be from 1 to {MaxRows}."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var now = time.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-window);
        var rowsRead = await db.SearchMisses.AsNoTracking()
            .Where(m => m.CreatedAtUtc >= since)
            .GroupBy(m => m.MaskedQuery)
            .Select(g => new
            {
                Query = g.Key,
                Total = g.Count(),
                ZeroHit = g.Count(m => m.Kind == SearchMissKind.ZeroHit),
                LowConfidence = g.Count(m => m.Kind == SearchMissKind.LowConfidence),
                LastSeenUtc = g.Max(m => m.CreatedAtUtc),
            })
            .OrderByDescending(i => i.Total).ThenByDescending(i => i.LastSeenUtc)
            .Take(rows)
            .ToListAsync(cancellationToken);
        var items = rowsRead.Select(r => new MissReportItem(r.Query, r.Total, r.ZeroHit, r.LowConfidence, r.LastSeenUtc)).ToList();
        return TypedResults.Ok(new MissReport(window, since, now, items));
    }

    internal sealed record MissReport(int Days, DateTime FromUtc, DateTime ToUtc, IReadOnlyList<MissReportItem> Items);

    internal sealed record MissReportItem(string Query, int Total, int ZeroHit, int LowConfidence, DateTime LastSeenUtc);
}
