using ConversationHub.Faq.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace ConversationHub.Faq.Site.Apis;

/// <summary>Downloads of FAQ attachments, for FAQs that citizens may see.</summary>
internal static class FaqAttachmentsApi
{
    public static IEndpointRouteBuilder MapFaqAttachmentsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/faq/{faqId:guid}/files/{attachmentId:guid}", GetAttachmentAsync)
            .WithName("GetFaqAttachment").AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, NotFound>> GetAttachmentAsync(
        Guid faqId, Guid attachmentId, HttpContext context, FaqDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var attachment = await db.Visible(time.GetUtcNow().UtcDateTime)
            .Where(f => f.Id == faqId)
            .SelectMany(f => f.Attachments)
            .Where(a => a.Id == attachmentId)
            .Join(db.AttachmentContents, a => a.Id, c => c.AttachmentId, (a, c) => new { a.FileName, a.ContentType, a.CreatedAtUtc, c.Sha256 })
            .FirstOrDefaultAsync(cancellationToken);
        if (attachment is null)
        {
            return TypedResults.NotFound();
        }

        // Browsers revalidate every time (the FAQ may be withdrawn); an unchanged file costs a 304, not its bytes.
        var etag = new EntityTagHeaderValue($"\"{attachment.Sha256}\"");
        var headers = context.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.ETag = etag.ToString();
        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var bytes = await db.AttachmentContents.Where(c => c.AttachmentId == attachmentId).Select(c => c.Bytes).FirstAsync(cancellationToken);
        return TypedResults.File(bytes, attachment.ContentType, attachment.FileName, lastModified: attachment.CreatedAtUtc, entityTag: etag);
    }
}
