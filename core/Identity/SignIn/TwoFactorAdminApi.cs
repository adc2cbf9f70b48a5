using ConversationHub.Core.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace ConversationHub.Core.Identity.SignIn;

/// <summary>
/// Administrators' two-factor endpoint: reset a staff member's authenticator (a lost or replaced phone). The user-admin
/// page calls it; the member enrols again at the next sign-in when a role requires it.
/// </summary>
internal static class TwoFactorAdminApi
{
    public static IEndpointRouteBuilder MapTwoFactorAdminApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/admin/users/{userName}/two-factor/reset", ResetAsync)
            .RequireAuthorization(policy => policy.RequireRole(HubRoles.Administrator))
            .WithName("ResetUserTwoFactor")
            .WithTags("Users")
            .WithSummary("Switches two-factor sign-in off for the user, replaces the authenticator key and deletes the recovery codes; 404 for an unknown user.");
        return endpoints;
    }

    internal static async Task<Results<NoContent, NotFound>> ResetAsync(
        string userName,
        [FromServices] UserManager<HubUser> users,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
            return TypedResults.NotFound();

        await TwoFactorReset.ResetAsync(users, user);
        await context.AuditAsync(AuditActions.TwoFactorChanged, "user:" + user.UserName, "reset by administrator");
        return TypedResults.NoContent();
    }
}
