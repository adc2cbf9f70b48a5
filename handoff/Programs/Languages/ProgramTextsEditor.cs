using ConversationHub.Core.Audit;
using ConversationHub.Handoff.Admin.Users;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs.Administration;
using ConversationHub.Handoff.Programs.Reservations;
using ConversationHub.Handoff.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Programs.Languages;

/// <summary>
/// Reads and saves a program's texts in its other languages. Bad input changes nothing; a save made on an older version
/// than the stored one is refused (another administrator saved first); every save is audited with the texts it changed.
/// </summary>
internal sealed class ProgramTextsEditor(HandoffDbContext db, IAuditLog audit, TimeProvider time, IStringLocalizer<ProgramLanguageStrings> strings)
{
    /// <summary>The program's translations, by language.</summary>
    public async Task<IReadOnlyDictionary<string, ProgramText>> ListAsync(Guid programId, CancellationToken cancellationToken) =>
        await db.ProgramTexts.AsNoTracking().Where(t => t.ProgramId == programId).ToDictionaryAsync(t => t.Language, StringComparer.Ordinal, cancellationToken);

    /// <summary>The Japanese 持ち物 of the program's reservations, or empty.</summary>
    public async Task<string> WhatToBringAsync(Guid programId, CancellationToken cancellationToken) =>
        await db.ReservationSettings.AsNoTracking().Where(s => s.ProgramId == programId).Select(s => s.WhatToBring).FirstOrDefaultAsync(cancellationToken) ?? "";

    /// <summary>Saves <paramref name="form"/> as the program's texts in <paramref name="language"/>; the errors, or none.</summary>
    public async Task<IReadOnlyList<ProgramFieldError>> SaveAsync(StaffActor actor, ProgramDefinition program, string language, ProgramTextsForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(form);
        var errors = Check(program, language, form);
        if (errors.Count > 0)
        {
            return errors;
        }

        var text = await db.ProgramTexts.FirstOrDefaultAsync(t => t.ProgramId == program.Id && t.Language == language, cancellationToken);
        if ((text?.Version ?? 0) != form.Version)
        {
            return [new ProgramFieldError(nameof(ProgramTextsForm.Version), strings["Error_Conflict"])];
        }

        var before = ProgramTextsForm.Of(text);
        var now = time.GetUtcNow().UtcDateTime;
        if (text is null)
        {
            text = new ProgramText(program.Id, language, now);
            db.ProgramTexts.Add(text);
        }

        text.Name = Clean(form.Name);
        text.EndMessage = Clean(form.EndMessage);
        text.AfterEndGuidance = Clean(form.AfterEndGuidance);
        text.WhatToBring = Clean(form.WhatToBring);
        text.ChangedAtUtc = now;
        text.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator saved this language first (a newer version, or the first row: the unique index).
            db.ChangeTracker.Clear();
            return [new ProgramFieldError(nameof(ProgramTextsForm.Version), strings["Error_Conflict"])];
        }

        var changed = Changed(before, ProgramTextsForm.Of(text));
        await audit.AppendAsync(
            new AuditRecord(ProgramLanguageAuditActions.TextsChanged, actor.Id, actor.UserName, "program:" + program.Code, language + ":" + string.Join(',', changed), actor.FromAddress),
            cancellationToken);
        return [];
    }

    private List<ProgramFieldError> Check(ProgramDefinition program, string language, ProgramTextsForm form)
    {
        var errors = new List<ProgramFieldError>();
        if (string.Equals(language, "ja", StringComparison.Ordinal) || !program.LanguageList.Contains(language, StringComparer.Ordinal))
        {
            errors.Add(new ProgramFieldError("Language", strings["Error_Language"]));
        }

        void Limit(string field, string? value, int max)
        {
            if (Clean(value) is { Length: var length } && length > max)
            {
                errors.Add(new ProgramFieldError(field, strings["Error_TooLong", strings["Field_" + field], max]));
            }
        }

        Limit(nameof(ProgramTextsForm.Name), form.Name, ProgramDefinition.MaxNameLength);
        Limit(nameof(ProgramTextsForm.EndMessage), form.EndMessage, ProgramDefinition.MaxMessageLength);
        Limit(nameof(ProgramTextsForm.AfterEndGuidance), form.AfterEndGuidance, ProgramDefinition.MaxMessageLength);
        Limit(nameof(ProgramTextsForm.WhatToBring), form.WhatToBring, ReservationSettings.MaxWhatToBringLength);
        return errors;
    }

    private static IEnumerable<string> Changed(ProgramTextsForm before, ProgramTextsForm after)
    {
        if (before.Name != after.Name) yield return nameof(ProgramTextsForm.Name);
        if (before.EndMessage != after.EndMessage) yield return nameof(ProgramTextsForm.EndMessage);
        if (before.AfterEndGuidance != after.AfterEndGuidance) yield return nameof(ProgramTextsForm.AfterEndGuidance);
        if (before.WhatToBring != after.WhatToBring) yield return nameof(ProgramTextsForm.WhatToBring);
    }

    // Blank is "no translation": stored as null, so the citizen gets the Japanese and the note.
    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ReplaceLineEndings("\n");
}
