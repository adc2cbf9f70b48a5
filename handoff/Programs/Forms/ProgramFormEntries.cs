using System.Text.Json;
using ConversationHub.Core.Calendar;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>
/// Takes and reads form entries. An entry is saved only after its answers were checked (<see cref="FormAnswers"/>);
/// when another entry of the form has the same duplicate-key values (compared by keyed hash) it is saved only if the
/// caller says so.
/// </summary>
internal sealed class ProgramFormEntries(HandoffDbContext db, TimeProvider time)
{
    public const string DuplicateHashPurpose = "program_form_entries.DuplicateHash";

    /// <summary>What a save did: the entry, or the number of entries it would duplicate (nothing saved).</summary>
    public sealed record TakeResult(ProgramFormEntry? Entry, int Duplicates);

    /// <summary>A case tied to a conversation, shown and linked beside the entry.</summary>
    public sealed record CaseLink(Guid Id, string Number);

    /// <summary>The keyed hash of the duplicate keys' values; null when the form has none or one of them is blank.</summary>
    public string? DuplicateHashOf(FormDefinition form, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(values);
        if (form.DuplicateKeys.Count == 0)
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var key in form.DuplicateKeys)
        {
            // Blanks do not tell people apart (山田 太郎 and 山田太郎 are the same caller).
            var value = string.Concat((values.GetValueOrDefault(key) ?? "").Where(c => !char.IsWhiteSpace(c)));
            if (value.Length == 0)
            {
                return null;
            }

            parts.Add(value);
        }

        return db.Pii.ComputeLookupHash(form.FormId.ToString("N") + "\u001f" + string.Join('\u001f', parts), DuplicateHashPurpose);
    }

    /// <summary>How many entries of the form share <paramref name="hash"/>.</summary>
    public Task<int> CountDuplicatesAsync(Guid formId, string? hash, CancellationToken cancellationToken) => hash is null
        ? Task.FromResult(0)
        : db.ProgramFormEntries.CountAsync(e => e.FormId == formId && e.DuplicateHash == hash, cancellationToken);

    /// <summary>Saves checked answers unless they duplicate another entry and <paramref name="saveAnyway"/> is false.</summary>
    public async Task<TakeResult> TakeAsync(
        FormDefinition form, IReadOnlyDictionary<string, string> values, string source, Guid? conversationId, Guid? caseId, Guid? takenBy, bool saveAnyway, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var hash = DuplicateHashOf(form, values);
        var duplicates = await CountDuplicatesAsync(form.FormId, hash, cancellationToken);
        if (duplicates > 0 && !saveAnyway)
        {
            return new TakeResult(null, duplicates);
        }

        var now = time.GetUtcNow();
        var entry = new ProgramFormEntry(form, source, JsonSerializer.Serialize(values), hash, conversationId, caseId, takenBy, now.UtcDateTime, DateOnly.FromDateTime(JapanTime.ToJapan(now).DateTime));
        db.ProgramFormEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return new TakeResult(entry, duplicates);
    }

    public Task<ProgramFormEntry?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.ProgramFormEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    /// <summary>The entries of a form taken on Japan days <paramref name="from"/> to <paramref name="to"/>, oldest first.</summary>
    public Task<List<ProgramFormEntry>> ListAsync(Guid formId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        db.ProgramFormEntries.AsNoTracking().Where(e => e.FormId == formId && e.TakenOn >= from && e.TakenOn <= to)
            .OrderBy(e => e.TakenAtUtc).ToListAsync(cancellationToken);

    /// <summary>The newest case made from the conversation, if any.</summary>
    public async Task<CaseLink?> CaseOfAsync(Guid? conversationId, CancellationToken cancellationToken)
    {
        if (conversationId is not { } id)
        {
            return null;
        }

        var found = await db.Cases.AsNoTracking().Where(c => c.ConversationId == id).OrderByDescending(c => c.CreatedAtUtc)
            .Select(c => new { c.Id, c.Number }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new CaseLink(found.Id, found.Number);
    }

    public static IReadOnlyDictionary<string, string> ValuesOf(ProgramFormEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(entry.ValuesJson) ?? [];
    }
}
