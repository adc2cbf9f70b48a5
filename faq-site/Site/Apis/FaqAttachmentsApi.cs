using ConversationHub.Faq.KnowledgeBase.Attachments;
using ConversationHub.Faq.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

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

    private static async Task<Results<FileStreamHttpResult, NotFound>> GetAttachmentAsync(
        Guid faqId, Guid attachmentId, FaqDbContext db, IFaqAttachmentStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var attachment = await db.Visible(time.GetUtcNow().UtcDateTime)
            .Where(f => f.Id == faqId)
            .SelectMany(f => f.Attachments)
            .Where(a => a.Id == attachmentId)
            .Select(a => new { a.FileName, a.ContentType, a.StorageKey })
            .FirstOrDefaultAsync(cancellationToken);
        var stream = attachment is null ? null : await store.OpenReadAsync(attachment.StorageKey, cancellationToken);
        if (stream is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.File(stream, attachment!.ContentType, attachment.FileName);
    }
}
