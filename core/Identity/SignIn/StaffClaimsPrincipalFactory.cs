using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ConversationHub.Core.Identity.SignIn;

/// <summary>
/// Identity's principal (id, name, roles, security stamp) plus one claim per sign-in step still owed. Identity rebuilds
/// the principal at sign-in, at <see cref="SignInManager{TUser}.RefreshSignInAsync"/> (after each step) and when it
/// revalidates the security stamp, so the claims follow the account.
/// </summary>
internal sealed class StaffClaimsPrincipalFactory(
    UserManager<HubUser> users,
    RoleManager<HubRole> roles,
    IOptions<IdentityOptions> options,
    SignInSteps steps) : UserClaimsPrincipalFactory<HubUser, HubRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(HubUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        foreach (var step in await steps.PendingAsync(user))
            identity.AddClaim(new Claim(SignInStep.ClaimType, step));
        return identity;
    }
}
