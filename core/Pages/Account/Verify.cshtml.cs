using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Identity.SignIn;
using ConversationHub.Core.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Core.Pages.Account;

/// <summary>
/// The second sign-in step: the authenticator app's 6-digit code, or a recovery code (each works once). Anonymous,
/// because the user is between the two steps (Identity's short-lived two-factor cookie names them). There is no
/// "remember this device": contact-center desks are shared, and a remembered browser would let anyone who learns a
/// colleague's password in without the second factor. Failures count toward the lockout and are audited.
/// </summary>
[AllowAnonymous]
internal sealed class VerifyModel(
    SignInManager<HubUser> signInManager,
    SignInSteps steps,
    IAuditLog audit,
    IStringLocalizer<SignInStrings> strings,
    IStringLocalizer<CoreStrings> coreStrings) : PageModel
{
    /// <summary>Where to go after signing in; only local URLs are honoured.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Whether the sign-in cookie outlives the browser (the choice made on the password step).</summary>
    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    /// <summary>True when no password step is pending (it expired, or the page was opened directly).</summary>
    public bool Expired { get; private set; }

    /// <summary>The error shown above the form, if any.</summary>
    public string? ErrorMessage { get; private set; }

    /// <summary>Shows the form, or the way back to the sign-in page.</summary>
    public async Task OnGetAsync() => Expired = await signInManager.GetTwoFactorAuthenticationUserAsync() is null;

    /// <summary>Checks the code and signs in, or shows why not.</summary>
    public async Task<IActionResult> OnPostAsync(string? code)
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            Expired = true;
            return Page();
        }

        var typed = AuthenticatorEnrolment.Normalise(code);
        if (typed.Length == 0)
        {
            ErrorMessage = strings["Verify_Required"];
            return Page();
        }

        var byApp = AuthenticatorEnrolment.IsAppCode(typed);
        var result = byApp
            ? await signInManager.TwoFactorAuthenticatorSignInAsync(typed, RememberMe, rememberClient: false)
            : await signInManager.TwoFactorRecoveryCodeSignInAsync(typed);
        var action = result.Succeeded ? AuditActions.SignInSucceeded : result.IsLockedOut ? AuditActions.SignInLockedOut : AuditActions.SignInFailed;
        var detail = byApp ? "two-factor: authenticator code" : "two-factor: recovery code";
        await audit.AppendAsync(new AuditRecord(action, user.Id, user.UserName, Detail: detail, FromAddress: HttpContext.Connection.RemoteIpAddress?.ToString()), HttpContext.RequestAborted);
        if (result.Succeeded)
            return LocalRedirect(await steps.NextAddressAsync(user, ReturnUrl));

        ErrorMessage = result.IsLockedOut ? coreStrings["Login_LockedOut"] : strings["Verify_Failed"];
        return Page();
    }
}
