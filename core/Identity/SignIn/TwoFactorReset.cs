using Microsoft.AspNetCore.Identity;

namespace ConversationHub.Core.Identity.SignIn;

/// <summary>
/// Takes an account back to "no authenticator": two-factor off, a new key (so the old app's codes stop working) and no
/// recovery codes. The key change renews the security stamp, which ends the account's other sessions.
/// </summary>
public static class TwoFactorReset
{
    /// <summary>Resets <paramref name="user"/>'s authenticator; the caller audits it.</summary>
    public static async Task ResetAsync(UserManager<HubUser> users, HubUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.RemoveAuthenticationTokenAsync(user, RecoveryCodesProvider, RecoveryCodesName));
    }

    // Where Identity's user store keeps the recovery codes (UserStoreBase's internal token names).
    private const string RecoveryCodesProvider = "[AspNetUserStore]";
    private const string RecoveryCodesName = "RecoveryCodes";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Two-factor reset failed: " + string.Join(", ", result.Errors.Select(e => e.Code)));
    }
}
