using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Editor;

/// <summary>Who saved the FAQ after the editor opened it, and when: what a conflict message tells them.</summary>
internal sealed record ConflictInfo(Guid FaqId, int Revision, DateTime SavedAtUtc, string? SavedBy)
{
    public static async Task<ConflictInfo> LoadAsync(FaqDbContext db, StaffDirectory staff, Guid faqId, int revision, CancellationToken cancellationToken)
    {
        var latest = await db.Revisions.AsNoTracking().Where(r => r.FaqId == faqId && r.Number == revision)
            .Select(r => new { r.CreatedAtUtc, r.EditorUserId }).FirstAsync(cancellationToken);
        var names = await staff.NamesAsync([latest.EditorUserId], cancellationToken);
        return new ConflictInfo(faqId, revision, latest.CreatedAtUtc,
            latest.EditorUserId is { } editor && names.TryGetValue(editor, out var name) ? name : null);
    }
}
