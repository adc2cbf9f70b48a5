using ConversationHub.Core.Audit;
using ConversationHub.Handoff.Admin.Users;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Programs.Rosters;

/// <summary>
/// Records a household's declination (辞退届) taken by an agent: the day, who took it, a line in its history and an
/// audit entry. A household declines once; a second entry is refused with the first one's day.
/// </summary>
internal sealed class DeclineHousehold(HandoffDbContext db, IAuditLog audit, IStringLocalizer<RosterStrings> strings, TimeProvider time)
{
    /// <summary>Null when recorded, else why not.</summary>
    public async Task<string?> DeclineAsync(ProgramDefinition program, Guid householdId, DateOnly onDay, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(actor);
        var active = await db.RosterSettings.AsNoTracking().Where(s => s.ProgramId == program.Id).Select(s => s.ActiveImportId).FirstOrDefaultAsync(cancellationToken);
        var household = await db.RosterHouseholds.FirstOrDefaultAsync(h => h.Id == householdId && h.ImportId == active, cancellationToken);
        if (household is null)
            return strings["Decline_NotFound"];
        if (household.DeclinedOn is { } already)
            return strings["Decline_Already", already.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)];
        var now = time.GetUtcNow().UtcDateTime;
        (household.DeclinedOn, household.DeclinedAtUtc, household.DeclinedBy) = (onDay, now, actor.UserName);
        db.RosterEvents.Add(new RosterEvent(program.Id, household.Id, RosterEventKind.Declined, onDay, actor.UserName, null, now));
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditRecord(RosterAuditActions.Declined, actor.Id, actor.UserName, "program:" + program.Code,
            $"household {household.Id}; declined on {onDay:yyyy-MM-dd}", actor.FromAddress), cancellationToken);
        return null;
    }
}
