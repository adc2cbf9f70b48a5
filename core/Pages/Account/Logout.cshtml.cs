using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationHub.Core.Pages.Account;

/// <summary>Signs out (POST only, protected by the anti-forgery token).</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<HubUser> signInManager) : PageModel
{
    /// <summary>Shows the signed-out message.</summary>
    public void OnGet()
    {
    }

    /// <summary>Ends the session.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
            await HttpContext.AuditAsync(AuditActions.SignedOut);
        await signInManager.SignOutAsync();
        return Page();
    }
}
