using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationHub.Faq.Pages;

/// <summary>
/// What any address nothing else answers shows (mapped as the fallback): a Japanese 404 with the search box, so a
/// citizen following a stale link can go on looking instead of landing on the staff sign-in. Under
/// <c>/console</c> an anonymous visitor is asked to sign in first, as for every console page.
/// </summary>
[AllowAnonymous]
internal sealed class NotFoundModel : PageModel
{
    public IActionResult OnGet() => Answer();

    public IActionResult OnPost() => Answer();

    private IActionResult Answer()
    {
        if (Request.Path.StartsWithSegments("/console", StringComparison.OrdinalIgnoreCase) && User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
