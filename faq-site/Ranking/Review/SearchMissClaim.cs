using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Ranking.Review;

/// <summary>
/// Marks every waiting search miss of one masked query as handled, in one conditional update: of two editors
/// handling the same query at once, the second updates nothing (on PostgreSQL it waits for the first's row locks,
/// then finds them handled) and rolls back what it wrote.
/// </summary>
internal static class SearchMissClaim
{
    /// <returns>The misses marked; 0 when another editor handled the query first.</returns>
    public static Task<int> ClaimAsync(FaqDbContext db, string maskedQuery, Guid faqId, Guid? editorId, DateTime nowUtc, CancellationToken cancellationToken) =>
        db.SearchMisses
            .Where(m => m.MaskedQuery == maskedQuery && m.HandledAtUtc == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.HandledAtUtc, nowUtc).SetProperty(m => m.HandledByUserId, editorId).SetProperty(m => m.HandledFaqId, faqId),
                cancellationToken);
}
