using ConversationHub.Core.Faq;
using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Site;

/// <summary>The FAQ module's answer to <see cref="IFaqLookup"/>: only what the public site itself would show, by id or external key.</summary>
internal sealed class FaqLookup(FaqDbContext db, TimeProvider time) : IFaqLookup
{
    /// <inheritdoc />
    public async Task<FaqSummary?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        // By its id, or by the external key an import gave it (a program's FAQ set may name either).
        var visible = db.Visible(time.GetUtcNow().UtcDateTime);
        var found = Guid.TryParse(id, out var faqId)
            ? await visible.Where(f => f.Id == faqId).Select(f => new { f.Id, f.Question }).FirstOrDefaultAsync(cancellationToken)
            : await visible.Where(f => f.ExternalKey == id).Select(f => new { f.Id, f.Question }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new FaqSummary(found.Id.ToString(), found.Question, FaqSlug.CanonicalPath(found.Id, found.Question));
    }
}
