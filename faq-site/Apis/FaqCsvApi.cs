using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Faq.KnowledgeBase.Csv;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ConversationHub.Faq.Apis;

/// <summary>The knowledge base as CSV for FAQ editors, in the format <c>/console/faq/import</c> reads back.</summary>
internal static class FaqCsvApi
{
    public static IEndpointRouteBuilder MapFaqCsvApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/faq/export.csv", ExportAsync).WithName("ExportFaqCsv").WithTags("FAQ editing")
            .RequireAuthorization(policy => policy.RequireRole(HubRoles.FaqEditor, HubRoles.Administrator));
        return endpoints;
    }

    /// <summary>Streams every FAQ; <paramref name="encoding"/> is <c>utf8</c> (default, with BOM) or <c>sjis</c>.</summary>
    internal static async Task ExportAsync(string? encoding, HttpContext context, ExportFaqCsv export, TimeProvider time, CancellationToken cancellationToken)
    {
        var csvEncoding = string.Equals(encoding, "sjis", StringComparison.OrdinalIgnoreCase) ? FaqCsvEncoding.ShiftJis : FaqCsvEncoding.Utf8;
        var stamp = Core.Calendar.JapanTime.ToJapan(time.GetUtcNow()).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = csvEncoding == FaqCsvEncoding.ShiftJis ? "text/csv; charset=shift_jis" : "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"faqs-{stamp}.csv\"";
        await context.AuditAsync(AuditActions.Exported, "faq_csv", csvEncoding.ToString());
        await export.WriteAsync(context.Response.Body, csvEncoding, cancellationToken);
    }
}
