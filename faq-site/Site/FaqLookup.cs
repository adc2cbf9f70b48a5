using ConversationHub.Core.Faq;
using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Site;

/// <summary>The FAQ module's answer to <see cref="IFaqLookup"/>: only what the public site itself would show.</summary>
internal sealed class FaqLookup(FaqDbContext db, TimeProvider time) : IFaqLookup
{
    /// <inheritdoc />
    public async Task<FaqSummary?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var faqId))
        {
            return null;
        }

        var question = await db.Visible(time.GetUtcNow().UtcDateTime).Where(f => f.Id == faqId).Select(f => f.Question).FirstOrDefaultAsync(cancellationToken);
        return question is null ? null : new FaqSummary(faqId.ToString(), question, FaqSlug.CanonicalPath(faqId, question));
    }
}
