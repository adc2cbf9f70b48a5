using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ConversationHub.Core.Identity.SignIn;

/// <summary>Decides which sign-in steps a staff member still owes, and where to send them next.</summary>
internal sealed class SignInSteps(UserManager<HubUser> users, IOptionsMonitor<TwoFactorOptions> twoFactor)
{
    /// <summary>The steps <paramref name="user"/> owes, in order: change the password first, then enrol two-factor.</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(HubUser user)
    {
        var pending = new List<string>(2);
        if (user.MustChangePassword)
            pending.Add(SignInStep.ChangePassword);
        if (await IsTwoFactorRequiredAsync(user) && !await users.GetTwoFactorEnabledAsync(user))
            pending.Add(SignInStep.EnrolTwoFactor);
        return pending;
    }

    /// <summary>Whether one of the user's roles requires two-factor sign-in (so it cannot be switched off).</summary>
    public async Task<bool> IsTwoFactorRequiredAsync(HubUser user) =>
        twoFactor.CurrentValue.IsRequiredFor(await users.GetRolesAsync(user));

    /// <summary>The page of the first step still owed (keeping <paramref name="returnUrl"/>), or the return URL itself.</summary>
    public async Task<string> NextAddressAsync(HubUser user, string? returnUrl)
    {
        var pending = await PendingAsync(user);
        return pending.Count == 0 ? SignInStep.LocalOr(returnUrl) : SignInStep.WithReturnUrl(SignInStep.PageOf(pending[0]), returnUrl);
    }
}
