using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>
/// Reads and saves program forms' definitions. Every save is a new version; older versions stay, so an entry renders
/// with the version it was taken on.
/// </summary>
internal sealed class ProgramForms(HandoffDbContext db, ProgramCatalog programs, TimeProvider time)
{
    /// <summary>The current version of each form of <paramref name="programId"/>, by name.</summary>
    public async Task<IReadOnlyList<FormDefinition>> ListAsync(Guid programId, CancellationToken cancellationToken)
    {
        var versions = await db.ProgramFormVersions.AsNoTracking().Where(v => v.ProgramId == programId).ToListAsync(cancellationToken);
        return [.. versions.GroupBy(v => v.FormId).Select(g => FormDefinition.Of(g.MaxBy(v => v.Number)!)).OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    /// <summary>Every current form (the daily export's list).</summary>
    public async Task<IReadOnlyList<FormDefinition>> ListAllAsync(CancellationToken cancellationToken)
    {
        var versions = await db.ProgramFormVersions.AsNoTracking().ToListAsync(cancellationToken);
        return [.. versions.GroupBy(v => v.FormId).Select(g => FormDefinition.Of(g.MaxBy(v => v.Number)!))];
    }

    /// <summary>The current version of the form, or null when there is none.</summary>
    public async Task<FormDefinition?> CurrentAsync(Guid formId, CancellationToken cancellationToken)
    {
        var latest = await db.ProgramFormVersions.AsNoTracking().Where(v => v.FormId == formId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : FormDefinition.Of(latest);
    }

    /// <summary>Version <paramref name="number"/> of the form, or null.</summary>
    public async Task<FormDefinition?> VersionAsync(Guid formId, int number, CancellationToken cancellationToken)
    {
        var stored = await db.ProgramFormVersions.AsNoTracking().FirstOrDefaultAsync(v => v.FormId == formId && v.Number == number, cancellationToken);
        return stored is null ? null : FormDefinition.Of(stored);
    }

    /// <summary>
    /// The program of <paramref name="programCode"/> with its form <paramref name="formId"/> (version
    /// <paramref name="version"/>, else the current one) and where the program stands today; null when either is unknown
    /// or the form is another program's.
    /// </summary>
    public async Task<OpenedForm?> OpenAsync(string? programCode, Guid? formId, int? version, CancellationToken cancellationToken)
    {
        var program = string.IsNullOrEmpty(programCode) ? null : await programs.FindByCodeAsync(programCode, cancellationToken);
        if (program is null || formId is not { } id)
        {
            return null;
        }

        var form = version is { } number ? await VersionAsync(id, number, cancellationToken) : await CurrentAsync(id, cancellationToken);
        return form is null || form.ProgramId != program.Id ? null : new OpenedForm(program, form, programs.StateToday(program));
    }

    /// <summary>
    /// Saves <paramref name="edited"/> (based on its <see cref="FormDefinition.Version"/>, 0 for a new form) as the next
    /// version and returns it, or null when someone saved the form meanwhile.
    /// </summary>
    public async Task<FormDefinition?> SaveAsync(FormDefinition edited, Guid? actorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edited);
        var current = await db.ProgramFormVersions.Where(v => v.FormId == edited.FormId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        if (current != edited.Version)
        {
            return null;
        }

        var next = edited with { Version = current + 1 };
        var row = new ProgramFormVersion(next.FormId, next.Version, next.ProgramId, next.Name.Trim(), next.PublicAllowed, next.BodyJson(), time.GetUtcNow().UtcDateTime, actorId);
        // (form, number) is the key: of two administrators saving at once, one gets null.
        if (!await UniqueClaims.TryInsertAsync(db, row, v => v.FormId == row.FormId && v.Number == row.Number, cancellationToken))
        {
            return null;
        }

        return next;
    }
}

/// <summary>A program's form as a page opens it, with where the program stands today.</summary>
internal sealed record OpenedForm(ProgramDefinition Program, FormDefinition Form, ProgramServiceState State);
