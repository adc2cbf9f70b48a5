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
/// Two-factor sign-in with an authenticator app (Identity's own TOTP): enrol by scanning the QR code (or typing the
/// key) and confirming one code, after which the recovery codes are shown once; later, new recovery codes, a new app,
/// or switching it off where no role requires it. Every change is audited. The page carries a secret, so it is never
/// cached.
/// </summary>
[Authorize]
internal sealed class TwoFactorModel(
    UserManager<HubUser> users,
    SignInManager<HubUser> signInManager,
    SignInSteps steps,
    IStringLocalizer<SignInStrings> strings) : PageModel
{
    private const int RecoveryCodeCount = 10;

    /// <summary>Where to go once enrolled; only local URLs are honoured.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Whether an authenticator app is enrolled.</summary>
    public bool Enabled { get; private set; }

    /// <summary>Whether a role of the user requires two-factor sign-in.</summary>
    public bool Required { get; private set; }

    /// <summary>The QR code of the key URI (a PNG data URI), while enrolling.</summary>
    public string? QrCode { get; private set; }

    /// <summary>The key in groups of four, while enrolling.</summary>
    public string? GroupedKey { get; private set; }

    /// <summary>Recovery codes just made, shown this once.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    /// <summary>Where the "continue" link goes after enrolment.</summary>
    public string? NextAddress { get; private set; }

    /// <summary>A confirmation or error line.</summary>
    public string? Message { get; private set; }

    /// <summary>Whether <see cref="Message"/> is an error.</summary>
    public bool IsError { get; private set; }

    /// <summary>Shows the enrolment or the current state.</summary>
    public async Task<IActionResult> OnGetAsync() =>
        await users.GetUserAsync(User) is { } user ? await ShowAsync(user) : Challenge();

    /// <summary>Confirms the app with one code, switches two-factor on and shows the recovery codes.</summary>
    public async Task<IActionResult> OnPostEnableAsync(string? code)
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        var typed = AuthenticatorEnrolment.Normalise(code);
        if (!AuthenticatorEnrolment.IsAppCode(typed)
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed))
            return await ShowAsync(user, strings[typed.Length == 0 ? "TwoFactor_CodeRequired" : "TwoFactor_CodeInvalid"], isError: true);

        await users.SetTwoFactorEnabledAsync(user, true);
        await HttpContext.AuditAsync(AuditActions.TwoFactorChanged, "user:" + user.UserName, "enrolled");
        return await NewRecoveryCodesAsync(user);
    }

    /// <summary>Replaces the recovery codes (the old ones stop working).</summary>
    public async Task<IActionResult> OnPostCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user))
            return await ShowAsync(user);
        await HttpContext.AuditAsync(AuditActions.TwoFactorChanged, "user:" + user.UserName, "recovery codes renewed");
        return await NewRecoveryCodesAsync(user);
    }

    /// <summary>Forgets the enrolled app (a new phone); a required role then asks for enrolment again at once.</summary>
    public Task<IActionResult> OnPostResetAsync() => ResetAsync("reset", message: null);

    /// <summary>Switches two-factor sign-in off, where no role requires it.</summary>
    public Task<IActionResult> OnPostDisableAsync() => ResetAsync("disabled", "TwoFactor_Disabled");

    private async Task<IActionResult> ResetAsync(string detail, string? message)
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (detail == "disabled" && await steps.IsTwoFactorRequiredAsync(user))
            return await ShowAsync(user);

        await TwoFactorReset.ResetAsync(users, user);
        await HttpContext.AuditAsync(AuditActions.TwoFactorChanged, "user:" + user.UserName, detail);
        await signInManager.RefreshSignInAsync(user);
        return await ShowAsync(user, message is null ? null : strings[message].Value);
    }

    private async Task<IActionResult> NewRecoveryCodesAsync(HubUser user)
    {
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? Enumerable.Empty<string>()];
        // Enabling renewed the security stamp; a fresh cookie keeps this session and drops the pending step.
        await signInManager.RefreshSignInAsync(user);
        NextAddress = await steps.NextAddressAsync(user, ReturnUrl);
        return await ShowAsync(user, strings["TwoFactor_IsEnabled"]);
    }

    private async Task<IActionResult> ShowAsync(HubUser user, string? message = null, bool isError = false)
    {
        Response.Headers.CacheControl = "no-store";
        Message = message;
        IsError = isError;
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Required = await steps.IsTwoFactorRequiredAsync(user);
        if (Enabled)
            return Page();

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // The new key renewed the security stamp; keep this session.
            await signInManager.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key after reset.");
        }

        QrCode = AuthenticatorEnrolment.QrCodeDataUri(AuthenticatorEnrolment.KeyUri(user.UserName!, key));
        GroupedKey = AuthenticatorEnrolment.Grouped(key);
        return Page();
    }
}
