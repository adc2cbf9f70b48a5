using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Survey;

/// <summary>
/// Reads and saves the survey's definition. Until an administrator saves one, the default (version 1) is current; it is
/// stored the first time a survey is offered on it, so that answers always point at a stored version.
/// </summary>
internal sealed class SurveyDefinitions(HandoffDbContext db, IStringLocalizer<SurveyStrings> strings, TimeProvider time)
{
    /// <summary>The definition offered now.</summary>
    public async Task<SurveyDefinition> CurrentAsync(CancellationToken cancellationToken)
    {
        var latest = await db.SurveyVersions.AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? SurveyDefinition.Default(strings) : SurveyDefinition.Of(latest);
    }

    /// <summary>The definition of <paramref name="version"/> (the default for version 1 when never stored).</summary>
    public async Task<SurveyDefinition> OfAsync(int version, CancellationToken cancellationToken)
    {
        var stored = await db.SurveyVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Number == version, cancellationToken);
        return stored is null ? SurveyDefinition.Default(strings) : SurveyDefinition.Of(stored);
    }

    /// <summary>Every stored version, newest first (the report names old items by their last wording).</summary>
    public async Task<IReadOnlyList<SurveyDefinition>> AllAsync(CancellationToken cancellationToken)
    {
        var stored = await db.SurveyVersions.AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        return stored.Count == 0 ? [SurveyDefinition.Default(strings)] : [.. stored.Select(SurveyDefinition.Of)];
    }

    /// <summary>
    /// Saves <paramref name="edited"/> as the next version and returns it, or null when another administrator saved
    /// meanwhile (the edit was based on an older version). Answers given on earlier versions keep theirs.
    /// </summary>
    public async Task<SurveyDefinition?> SaveAsync(SurveyDefinition edited, Guid? actorId, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        if (current.Version != edited.Version)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (!await db.SurveyVersions.AnyAsync(v => v.Number == current.Version, cancellationToken))
        {
            db.SurveyVersions.Add(new SurveyVersion(current.Version, current.Enabled, current.ConsentText, current.ItemsJson(), now, null));
        }

        var next = edited with { Version = current.Version + 1 };
        db.SurveyVersions.Add(new SurveyVersion(next.Version, next.Enabled, next.ConsentText, next.ItemsJson(), now, actorId));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The version number is the key: a concurrent save took it.
            db.ChangeTracker.Clear();
            return null;
        }

        return next;
    }

    /// <summary>Stores the default as version 1 when nothing is stored (a survey is about to be offered on it).</summary>
    public async Task EnsureStoredAsync(SurveyDefinition definition, CancellationToken cancellationToken)
    {
        if (await db.SurveyVersions.AnyAsync(v => v.Number == definition.Version, cancellationToken))
        {
            return;
        }

        db.SurveyVersions.Add(new SurveyVersion(definition.Version, definition.Enabled, definition.ConsentText, definition.ItemsJson(), time.GetUtcNow().UtcDateTime, null));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node stored it first.
            db.ChangeTracker.Clear();
        }
    }
}
