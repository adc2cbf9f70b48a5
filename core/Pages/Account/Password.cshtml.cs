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
/// A signed-in staff member changes their own password: at any time, and necessarily when an administrator reset it
/// (<see cref="HubUser.MustChangePassword"/>; the staff area is closed until then). The new password obeys the policy,
/// with its reasons in Japanese, and differs from the current one. Done, the flag clears and the user goes on.
/// </summary>
[Authorize]
internal sealed class PasswordModel(
    UserManager<HubUser> users,
    SignInManager<HubUser> signInManager,
    SignInSteps steps,
    IStringLocalizer<SignInStrings> strings) : PageModel
{
    /// <summary>Where to go afterwards; only local URLs are honoured.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Whether an administrator's reset requires the change.</summary>
    public bool Required { get; private set; }

    /// <summary>Why the change was refused, one line each.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        Required = user.MustChangePassword;
        return Page();
    }

    /// <summary>Changes the password, or shows why not.</summary>
    public async Task<IActionResult> OnPostAsync(string? currentPassword, string? newPassword, string? confirmPassword)
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        Required = user.MustChangePassword;
        Errors = await ChangeAsync(user, currentPassword, newPassword, confirmPassword);
        if (Errors.Count > 0)
            return Page();

        await HttpContext.AuditAsync(AuditActions.PasswordChanged, "user:" + user.UserName, Required ? "required after reset" : null);
        // The change renewed the security stamp; a fresh cookie keeps this session and drops the pending step.
        await signInManager.RefreshSignInAsync(user);
        return LocalRedirect(await steps.NextAddressAsync(user, ReturnUrl));
    }

    private async Task<IReadOnlyList<string>> ChangeAsync(HubUser user, string? current, string? next, string? confirm)
    {
        if (string.IsNullOrEmpty(current) || string.IsNullOrEmpty(next) || string.IsNullOrEmpty(confirm))
            return [strings["Password_Required"]];
        if (!string.Equals(next, confirm, StringComparison.Ordinal))
            return [strings["Password_ConfirmMismatch"]];
        if (string.Equals(next, current, StringComparison.Ordinal))
            return [strings["Password_SameAsOld"]];

        var changed = await users.ChangePasswordAsync(user, current, next);
        if (!changed.Succeeded)
        {
            // A wrong current password counts toward the lockout, as on the sign-in page.
            if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
                await users.AccessFailedAsync(user);
            return [.. changed.Errors.Select(e => e.Description)];
        }

        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded)
                return [.. updated.Errors.Select(e => e.Description)];
        }

        return [];
    }
}
