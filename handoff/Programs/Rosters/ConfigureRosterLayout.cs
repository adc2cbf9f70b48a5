using ConversationHub.Core.Audit;
using ConversationHub.Handoff.Admin.Users;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Rosters;

/// <summary>Saves a program's roster column layout (audited). The next import reads files through it.</summary>
internal sealed class ConfigureRosterLayout(HandoffDbContext db, IAuditLog audit, TimeProvider time)
{
    public async Task SaveAsync(ProgramDefinition program, RosterLayout layout, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(actor);
        var now = time.GetUtcNow().UtcDateTime;
        var settings = await db.RosterSettings.FirstOrDefaultAsync(s => s.ProgramId == program.Id, cancellationToken);
        if (settings is null)
        {
            db.RosterSettings.Add(new RosterSettings(program.Id, layout, now));
        }
        else
        {
            settings.LayoutJson = layout.ToJson();
            settings.ChangedAtUtc = now;
            settings.Version++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditRecord(RosterAuditActions.LayoutChanged, actor.Id, actor.UserName, "program:" + program.Code,
            layout.ToJson(), actor.FromAddress), cancellationToken);
    }
}
