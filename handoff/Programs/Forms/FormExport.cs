using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>A form's CSV over Japan days, on demand or for the daily file, and the daily files kept.</summary>
internal sealed class FormExport(HandoffDbContext db, ProgramFormEntries entries)
{
    public async Task<(byte[] Csv, int Rows)> CsvAsync(FormDefinition form, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var rows = await entries.ListAsync(form.FormId, from, to, cancellationToken);
        var caseIds = rows.Where(r => r.CaseId is not null).Select(r => r.CaseId!.Value).Distinct().ToList();
        var numbers = caseIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, cancellationToken);
        return (FormEntryCsv.Write(form, rows, numbers), rows.Count);
    }

    /// <summary>The daily files of a form, newest first, without their bytes.</summary>
    public Task<List<DailyFile>> DailyFilesAsync(Guid formId, CancellationToken cancellationToken) =>
        db.ProgramFormExports.AsNoTracking().Where(e => e.FormId == formId).OrderByDescending(e => e.Day)
            .Select(e => new DailyFile(e.Id, e.Day, e.GeneratedAtUtc, e.Rows)).ToListAsync(cancellationToken);

    /// <summary>A daily file's bytes and day, or null when unknown or not made.</summary>
    public async Task<(Guid FormId, DateOnly Day, byte[] Csv)?> DailyFileAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await db.ProgramFormExports.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return file?.Csv is { } csv ? (file.FormId, file.Day, Convert.FromBase64String(csv)) : null;
    }

    /// <summary>One daily file as listed.</summary>
    internal sealed record DailyFile(Guid Id, DateOnly Day, DateTime? GeneratedAtUtc, int Rows);
}
