using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationHub.Faq.Pages;

/// <summary>
/// What an address no endpoint answers shows: a Japanese 404 with the search box, so a citizen following a stale link
/// can go on looking instead of landing on the staff sign-in. The host's unknown-address middleware runs it for any
/// method (hence no antiforgery check: a stray POST gets this page, not a 400); it is only reachable as itself at
/// <c>/notfound</c>, where it answers 404 too.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
internal sealed class NotFoundModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status404NotFound;

    public void OnPost() => Response.StatusCode = StatusCodes.Status404NotFound;
}
