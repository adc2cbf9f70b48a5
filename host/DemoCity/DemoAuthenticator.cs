using ConversationHub.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace ConversationHub.Host.DemoCity;

/// <summary>
/// Enrols a demo account's authenticator with a configured key (<see cref="DemoCityOptions.AdminAuthenticatorKey"/>),
/// the way the enrolment page would after a confirmed code: the key in Identity's store, two-factor switched on.
/// </summary>
internal static class DemoAuthenticator
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static async Task EnrolAsync(UserManager<HubUser> users, IUserStore<HubUser> userStore, HubUser user, string key, CancellationToken cancellationToken)
    {
        // Identity's own keys are 32 Base32 characters (160 bits); a shorter one would be a weak demo habit.
        if (key.Length < 16 || key.Any(c => !Base32Alphabet.Contains(c, StringComparison.Ordinal)))
            throw new InvalidOperationException("DemoCity:AdminAuthenticatorKey must be at least 16 upper-case Base32 characters (A-Z, 2-7).");
        // The same scoped store as the manager's, so the key is saved with the update below.
        if (userStore is not IUserAuthenticatorKeyStore<HubUser> store)
            throw new InvalidOperationException("The user store keeps no authenticator keys.");

        await store.SetAuthenticatorKeyAsync(user, key, cancellationToken);
        var updated = await users.SetTwoFactorEnabledAsync(user, true);
        if (!updated.Succeeded)
            throw new InvalidOperationException("Demo authenticator: " + string.Join(" ", updated.Errors.Select(e => e.Code)));
    }
}
