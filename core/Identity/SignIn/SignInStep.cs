namespace ConversationHub.Core.Identity.SignIn;

/// <summary>
/// What a signed-in staff member must do before using the staff area, in the order it is asked. Carried in the sign-in
/// cookie as <see cref="ClaimType"/> claims, so the gate needs no database read per request.
/// </summary>
internal static class SignInStep
{
    public const string ClaimType = "hub:pending_step";

    /// <summary>The password was reset by an administrator and must be changed (<see cref="HubUser.MustChangePassword"/>).</summary>
    public const string ChangePassword = "change-password";

    /// <summary>A role of the user requires two-factor sign-in and no authenticator app is enrolled yet.</summary>
    public const string EnrolTwoFactor = "enrol-two-factor";

    public const string PasswordPage = "/account/password";
    public const string TwoFactorPage = "/account/two-factor";
    public const string VerifyPage = "/account/verify";

    public static string PageOf(string step) => step == ChangePassword ? PasswordPage : TwoFactorPage;

    /// <summary>
    /// <paramref name="url"/> when it is an address on this site, otherwise <paramref name="fallback"/>: a return URL
    /// from a query string must never send a freshly signed-in user to another site.
    /// </summary>
    public static string LocalOr(string? url, string fallback = "/console") =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : fallback;

    /// <summary>The address of <paramref name="page"/> that returns to <paramref name="returnUrl"/> when done.</summary>
    public static string WithReturnUrl(string page, string? returnUrl) =>
        page + "?returnUrl=" + Uri.EscapeDataString(LocalOr(returnUrl));
}
