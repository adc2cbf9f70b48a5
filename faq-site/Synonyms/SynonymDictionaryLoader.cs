using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Search.Index;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Synonyms;

/// <summary>Loads the stored dictionary into this node's in-memory one.</summary>
internal static class SynonymDictionaryLoader
{
    public static async Task LoadAsync(FaqDbContext db, InMemorySynonymDictionary dictionary, CancellationToken cancellationToken)
    {
        var groups = await db.SynonymGroups.AsNoTracking().Select(g => g.Terms).ToListAsync(cancellationToken);
        dictionary.Replace(groups.Select(t => t.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
    }
}
