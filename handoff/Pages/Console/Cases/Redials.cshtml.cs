using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationHub.Handoff.Pages.Console.Cases;

/// <summary>
/// The team's re-dial list (<c>/console/cases/redials</c>, 再架電予約一覧): open cases with a re-dial reservation, the
/// earliest due first, overdue ones marked in words and colour. The center's staff only, as callbacks are theirs.
/// </summary>
[Authorize(Roles = HubRoles.Operator + "," + HubRoles.Supervisor)]
internal sealed class RedialsModel(CaseActors actors, CaseCallbacks callbacks) : PageModel
{
    public IReadOnlyList<RedialRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await actors.OfAsync(User, cancellationToken) is not { DepartmentId: null } actor)
        {
            return Forbid();
        }

        Rows = await callbacks.RedialsAsync(actor, cancellationToken);
        return Page();
    }
}
