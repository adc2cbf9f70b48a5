using ConversationHub.Core.Events;
using ConversationHub.Core.Programs;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Search.Service;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.ProgramFaqs;

/// <summary>
/// Rewrites <c>faq_program_holds</c> from the programs' FAQ rules (<see cref="IProgramFaqRules"/>), and when anything
/// changed tells every node's search index to rebuild. The rule: an FAQ listed by programs (by id or external key) is
/// withheld from the latest of their ends of service; one that any of them keeps (KeepFaqsAfterEnd) is never withheld.
/// A program's FAQ field is never a reason to withhold: the city's standing FAQs share it.
/// </summary>
public sealed class ProgramFaqHoldSync(FaqDbContext db, IProgramFaqRules rules, IHubEvents events)
{
    /// <summary>Brings the holds in line with the rules; true when they changed.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var programs = await rules.ListAsync(cancellationToken);
        var wanted = await WantedAsync(programs, cancellationToken);
        var current = await db.ProgramHolds.ToListAsync(cancellationToken);
        var changed = false;
        foreach (var hold in current.Where(h => !wanted.ContainsKey(h.FaqId)))
        {
            db.ProgramHolds.Remove(hold);
            changed = true;
        }

        foreach (var (faqId, (until, names)) in wanted)
        {
            if (current.FirstOrDefault(h => h.FaqId == faqId) is not { } hold)
            {
                db.ProgramHolds.Add(new FaqProgramHold(faqId, until, names));
                changed = true;
            }
            else if (hold.WithheldFromUtc != until || hold.Programs != names)
            {
                (hold.WithheldFromUtc, hold.Programs) = (until, names);
                changed = true;
            }
        }

        if (!changed)
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(FaqSearchTopics.FaqChanged, FaqSearchTopics.AllFaqs, cancellationToken);
        return true;
    }

    private async Task<Dictionary<Guid, (DateTime Until, string Names)>> WantedAsync(IReadOnlyList<ProgramFaqRule> programs, CancellationToken cancellationToken)
    {
        var keys = programs.SelectMany(p => p.FaqRefs).Where(r => !Guid.TryParse(r, out _)).Distinct(StringComparer.Ordinal).ToList();
        var byKey = keys.Count == 0
            ? []
            : await db.Faqs.AsNoTracking().Where(f => f.ExternalKey != null && keys.Contains(f.ExternalKey))
                .ToDictionaryAsync(f => f.ExternalKey!, f => f.Id, StringComparer.Ordinal, cancellationToken);
        var listed = new Dictionary<Guid, List<ProgramFaqRule>>();
        foreach (var program in programs)
        {
            foreach (var faqRef in program.FaqRefs)
            {
                Guid? id = Guid.TryParse(faqRef, out var parsed) ? parsed : byKey.TryGetValue(faqRef, out var keyed) ? keyed : null;
                if (id is { } faqId)
                {
                    (listed.TryGetValue(faqId, out var list) ? list : listed[faqId] = []).Add(program);
                }
            }
        }

        var existing = await ExistingAsync(listed.Keys, cancellationToken);
        return listed
            .Where(l => existing.Contains(l.Key) && l.Value.All(p => p.WithheldFromUtc is not null))
            .ToDictionary(l => l.Key, l => (l.Value.Max(p => p.WithheldFromUtc!.Value), Names(l.Value)));
    }

    private async Task<HashSet<Guid>> ExistingAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToList();
        return [.. await db.Faqs.AsNoTracking().Where(f => wanted.Contains(f.Id)).Select(f => f.Id).ToListAsync(cancellationToken)];
    }

    private static string Names(List<ProgramFaqRule> programs)
    {
        var names = string.Join("、", programs.Select(p => p.ProgramName).Distinct(StringComparer.Ordinal));
        return names.Length <= FaqProgramHold.MaxProgramsLength ? names : names[..FaqProgramHold.MaxProgramsLength];
    }
}
