using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.KnowledgeBase.Attachments;

/// <summary>Removes an attachment and its bytes (the content row goes with it by cascade).</summary>
internal sealed class RemoveFaqAttachment(FaqDbContext db)
{
    /// <summary>False when the FAQ has no such attachment (already removed, or another FAQ's).</summary>
    public async Task<bool> ExecuteAsync(Guid faqId, Guid attachmentId, CancellationToken cancellationToken) =>
        await db.Attachments.Where(a => a.FaqId == faqId && a.Id == attachmentId).ExecuteDeleteAsync(cancellationToken) > 0;
}
