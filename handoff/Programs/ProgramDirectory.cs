using System.Text;
using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs;

/// <summary>
/// The handoff module's <see cref="IProgramDirectory"/> over <see cref="ProgramCatalog"/>. A city runs a handful of
/// programs at a time, so keyword and number look-ups read the list and compare in memory.
/// </summary>
internal sealed class ProgramDirectory(ProgramCatalog catalog, HandoffDbContext db) : IProgramDirectory
{
    /// <summary>The longest LINE keyword (the column's length).</summary>
    public const int MaxLineKeywordLength = 50;

    public async Task<ProgramEntry?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await catalog.FindAsync(id, cancellationToken) is { } program ? await EntryOfAsync(program, cancellationToken) : null;

    public async Task<ProgramEntry?> FindByCodeAsync(string code, CancellationToken cancellationToken)
    {
        var trimmed = code?.Trim() ?? "";
        if (trimmed.Length is 0 or > ProgramDefinition.MaxCodeLength)
        {
            return null;
        }

        return await catalog.FindByCodeAsync(trimmed, cancellationToken) is { } program ? await EntryOfAsync(program, cancellationToken) : null;
    }

    public async Task<ProgramEntry?> FindByLineKeywordAsync(string text, CancellationToken cancellationToken)
    {
        var wanted = Fold(text);
        // PERF: every message the bot reads is asked about; one longer than any keyword needs no look-up.
        if (wanted.Length is 0 or > MaxLineKeywordLength)
        {
            return null;
        }

        var programs = await catalog.ListAsync(cancellationToken);
        return programs.FirstOrDefault(p => p.LineKeyword is { } keyword && string.Equals(Fold(keyword), wanted, StringComparison.OrdinalIgnoreCase)) is { } program
            ? await EntryOfAsync(program, cancellationToken)
            : null;
    }

    public async Task<ProgramEntry?> FindByPhoneNumberAsync(string phoneNumber, CancellationToken cancellationToken)
    {
        var wanted = phoneNumber?.Trim() ?? "";
        if (wanted.Length == 0)
        {
            return null;
        }

        var programs = await catalog.ListAsync(cancellationToken);
        return programs.FirstOrDefault(p => p.PhoneNumberList.Contains(wanted, StringComparer.Ordinal)) is { } program ? await EntryOfAsync(program, cancellationToken) : null;
    }

    /// <summary>A keyword as compared: full-width letters and digits folded (NFKC), spaces trimmed.</summary>
    internal static string Fold(string? text) => (text ?? "").Normalize(NormalizationForm.FormKC).Trim();

    private async Task<ProgramEntry> EntryOfAsync(ProgramDefinition program, CancellationToken cancellationToken)
    {
        var state = catalog.StateToday(program);
        // Only a program with other languages has translations to read: a Japanese-only one costs no query.
        IReadOnlyList<ProgramTranslation> translations = program.LanguageList.Count > 1
            ? await db.ProgramTexts.AsNoTracking().Where(t => t.ProgramId == program.Id)
                .Select(t => new ProgramTranslation(t.Language, t.Name, t.EndMessage, t.AfterEndGuidance, t.WhatToBring)).ToListAsync(cancellationToken)
            : [];
        return new ProgramEntry(
            program.Id,
            program.Code,
            program.Name,
            state == ProgramServiceState.InService,
            state is ProgramServiceState.Ended or ProgramServiceState.Disposed,
            program.FaqCategory,
            program.LanguageList,
            program.EndMessage,
            program.AfterEndGuidance)
        {
            Translations = translations,
        };
    }
}
