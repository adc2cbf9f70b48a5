using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Identity.SignIn;
using ConversationHub.Core.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Core.Pages.Account;

/// <summary>
/// The staff sign-in page (cookie authentication, lockout after repeated failures). An account with two-factor sign-in
/// goes on to <c>/account/verify</c> (audited there); a signed-in user who owes a step (a password to change, an
/// authenticator to enrol) is sent to it, keeping the return URL.
/// </summary>
[AllowAnonymous]
internal sealed partial class LoginModel(
    SignInManager<HubUser> signInManager,
    SignInSteps steps,
    IAuditLog audit,
    IStringLocalizer<CoreStrings> strings,
    ILogger<LoginModel> logger) : PageModel
{
    /// <summary>Where to go after signing in; only local URLs are honoured.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The staff id typed in (echoed back after a failure).</summary>
    [BindProperty]
    public string? UserName { get; set; }

    /// <summary>The error shown above the form, if any.</summary>
    public string? ErrorMessage { get; private set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Signs in, or shows why not.</summary>
    public async Task<IActionResult> OnPostAsync(string? password, bool rememberMe)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(password))
        {
            ErrorMessage = strings["Login_Required"];
            return Page();
        }

        // A disabled account (離職, 異動) is refused; only someone who knows its password learns why.
        if (await signInManager.UserManager.FindByNameAsync(UserName.Trim()) is { IsDisabled: true } disabled)
        {
            var known = await signInManager.UserManager.CheckPasswordAsync(disabled, password);
            await audit.AppendAsync(new AuditRecord(AuditActions.SignInFailed, disabled.Id, UserName.Trim(), Detail: "disabled", FromAddress: HttpContext.Connection.RemoteIpAddress?.ToString()), HttpContext.RequestAborted);
            Log.SignInFailed(logger, false);
            ErrorMessage = known ? strings["Login_Disabled"] : strings["Login_Failed"];
            return Page();
        }

        var result = await signInManager.PasswordSignInAsync(UserName.Trim(), password, rememberMe, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
            return LocalRedirect($"{SignInStep.WithReturnUrl(SignInStep.VerifyPage, ReturnUrl)}&rememberMe={(rememberMe ? "true" : "false")}");

        // Audited in the log the administrators read (encrypted at rest), never in the application log.
        var user = result.Succeeded ? await signInManager.UserManager.FindByNameAsync(UserName.Trim()) : null;
        var action = result.Succeeded ? AuditActions.SignInSucceeded : result.IsLockedOut ? AuditActions.SignInLockedOut : AuditActions.SignInFailed;
        await audit.AppendAsync(new AuditRecord(action, user?.Id, UserName.Trim(), FromAddress: HttpContext.Connection.RemoteIpAddress?.ToString()), HttpContext.RequestAborted);
        if (user is not null)
        {
            Log.SignedIn(logger);
            return LocalRedirect(await steps.NextAddressAsync(user, Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/console"));
        }

        Log.SignInFailed(logger, result.IsLockedOut);
        ErrorMessage = result.IsLockedOut ? strings["Login_LockedOut"] : strings["Login_Failed"];
        return Page();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Staff sign-in succeeded")]
        public static partial void SignedIn(ILogger logger);

        // The typed staff id is not logged: a mistyped password in the id field would leak it.
        [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Staff sign-in failed (locked out: {LockedOut})")]
        public static partial void SignInFailed(ILogger logger, bool lockedOut);
    }
}
