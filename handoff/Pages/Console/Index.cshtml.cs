using ConversationHub.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationHub.Handoff.Pages.Console;

/// <summary>The staff console's landing page; any signed-in staff member may open it.</summary>
[Authorize]
public sealed class IndexModel(UserManager<HubUser> users) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        DisplayName = user.DisplayName;
        Roles = [.. HubRoles.All.Where(User.IsInRole)];
        return Page();
    }
}
