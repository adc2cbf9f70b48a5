using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.KnowledgeBase.Editing;

/// <summary>Loading and saving shared by the editing use cases.</summary>
internal static class FaqEditing
{
    public static Task<FaqEntry?> LoadAsync(FaqDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Faqs.AsSplitQuery().Include(f => f.Paraphrases).Include(f => f.Categories).Include(f => f.Owners).Include(f => f.RelatedLinks)
            .FirstOrDefaultAsync(f => f.Id == id, cancellationToken);

    public static async Task<int> LatestRevisionAsync(FaqDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Revisions.Where(r => r.FaqId == id).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0;

    /// <summary>
    /// Saves the FAQ and its revision together. The unique (FAQ, number) index makes a concurrent save of the
    /// same revision fail instead of silently overwriting.
    /// </summary>
    public static async Task<int> CommitWithRevisionAsync(FaqDbContext db, FaqEntry faq, int number, Guid? editorId, string? note, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        faq.UpdatedAtUtc = now;
        db.Revisions.Add(new FaqRevision(faq.Id, number, FaqRevisionSnapshot.Of(faq).ToJson(), now)
        {
            EditorUserId = editorId,
            ChangeNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 500)],
        });
        await db.SaveChangesAsync(cancellationToken);
        return number;
    }
}
