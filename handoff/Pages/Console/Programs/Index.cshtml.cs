using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Pages.Console.Programs;

/// <summary>施策: the programs with their state today (Japan time) and dates. Administrators edit; supervisors only read.</summary>
[Authorize(Roles = HubRoles.Administrator + "," + HubRoles.Supervisor)]
internal sealed class IndexModel(ProgramCatalog catalog, HandoffDbContext db) : PageModel
{
    public IReadOnlyList<(ProgramDefinition Program, ProgramServiceState State)> Programs { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> TeamNames { get; private set; } = new Dictionary<Guid, string>();

    public bool CanEdit => User.IsInRole(HubRoles.Administrator);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var programs = await catalog.ListAsync(cancellationToken);
        Programs = [.. programs.Select(p => (p, catalog.StateToday(p)))];
        TeamNames = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
    }
}
