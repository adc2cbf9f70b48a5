using ConversationHub.Core.Events;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Synonyms;

/// <summary>
/// Adds, changes or removes one synonym group. The whole dictionary is checked as it would be after the change
/// (a term may belong to one group only), and every node reloads it at once, as with the dictionary API.
/// </summary>
internal sealed class EditSynonymGroup(FaqDbContext db, IHubEvents events, TimeProvider time)
{
    /// <summary>The errors (Japanese), empty when saved. <paramref name="groupId"/> null adds; <paramref name="terms"/> null removes.</summary>
    public async Task<IReadOnlyList<string>> ExecuteAsync(Guid? groupId, IReadOnlyList<string>? terms, Guid? editorId, CancellationToken cancellationToken)
    {
        var groups = await db.SynonymGroups.OrderBy(g => g.Id).ToListAsync(cancellationToken);
        var target = groupId is { } id ? groups.FirstOrDefault(g => g.Id == id) : null;
        if (groupId is not null && target is null)
        {
            return ["この同義語グループは、ほかの職員が削除したため見つかりません。"];
        }

        if (terms is null)
        {
            db.SynonymGroups.Remove(target!);
        }
        else
        {
            var cleaned = terms.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            var after = groups.Where(g => g != target).Select(g => g.Members).Append(cleaned).ToList();
            var errors = SynonymDictionaryValidator.Validate(after);
            if (errors.Count > 0)
            {
                // Numbers in the messages count groups of the whole dictionary; the edited one is last.
                return errors;
            }

            target ??= db.SynonymGroups.Add(new FaqSynonymGroup("")).Entity;
            target.Terms = string.Join(FaqSynonymGroup.Separator, cleaned);
            target.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
            target.UpdatedBy = editorId;
        }

        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(SynonymTopics.Changed, "", cancellationToken);
        return [];
    }
}
