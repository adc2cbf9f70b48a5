using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Editor;

/// <summary>An FAQ's revisions, newest first, each with who saved it and which parts changed from the one before.</summary>
internal sealed class RevisionHistory(FaqDbContext db, StaffDirectory staff)
{
    public async Task<IReadOnlyList<RevisionEntry>> ListAsync(Guid faqId, CancellationToken cancellationToken)
    {
        var revisions = await db.Revisions.AsNoTracking().Where(r => r.FaqId == faqId).OrderBy(r => r.Number).ToListAsync(cancellationToken);
        var names = await staff.NamesAsync(revisions.Select(r => r.EditorUserId), cancellationToken);
        var entries = new List<RevisionEntry>(revisions.Count);
        FaqRevisionSnapshot? previous = null;
        foreach (var revision in revisions)
        {
            var snapshot = FaqRevisionSnapshot.FromJson(revision.SnapshotJson);
            entries.Add(new RevisionEntry(
                revision.Number,
                revision.CreatedAtUtc,
                revision.EditorUserId is { } editor && names.TryGetValue(editor, out var name) ? name : null,
                revision.ChangeNote,
                snapshot is null ? [] : ChangedParts(previous, snapshot)));
            previous = snapshot;
        }

        entries.Reverse();
        return entries;
    }

    public async Task<FaqRevisionSnapshot?> FindAsync(Guid faqId, int number, CancellationToken cancellationToken)
    {
        var json = await db.Revisions.AsNoTracking().Where(r => r.FaqId == faqId && r.Number == number).Select(r => r.SnapshotJson).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : FaqRevisionSnapshot.FromJson(json);
    }

    /// <summary>Resource keys (<c>Part_…</c>) of what differs; the first revision is the creation.</summary>
    internal static IReadOnlyList<string> ChangedParts(FaqRevisionSnapshot? before, FaqRevisionSnapshot after)
    {
        if (before is null)
        {
            return ["Part_Created"];
        }

        var parts = new List<string>();
        Add(parts, "Part_Question", before.Question != after.Question);
        Add(parts, "Part_Paraphrases", !before.Paraphrases.SequenceEqual(after.Paraphrases));
        Add(parts, "Part_Answer", before.AnswerMarkdown != after.AnswerMarkdown);
        Add(parts, "Part_Categories", !before.Categories.SequenceEqual(after.Categories));
        Add(parts, "Part_Links", !(before.RelatedLinks ?? []).SequenceEqual(after.RelatedLinks ?? []));
        Add(parts, "Part_Departments", !(before.DepartmentIds ?? []).SequenceEqual(after.DepartmentIds ?? []));
        Add(parts, "Part_Visibility", before.Visibility != after.Visibility);
        Add(parts, "Part_Status", before.Status != after.Status);
        Add(parts, "Part_Period", before.PublishFromUtc != after.PublishFromUtc || before.PublishUntilUtc != after.PublishUntilUtc);
        return parts;
    }

    private static void Add(List<string> parts, string key, bool changed)
    {
        if (changed)
        {
            parts.Add(key);
        }
    }
}

internal sealed record RevisionEntry(int Number, DateTime CreatedAtUtc, string? EditorName, string? ChangeNote, IReadOnlyList<string> ChangedParts);
