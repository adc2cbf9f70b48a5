using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ConversationHub.Core.Identity.SignIn;

/// <summary>
/// Keeps a signed-in staff member who still owes a sign-in step (a password to change, an authenticator to enrol) out of
/// the whole staff area — every console page, staff API and hub — in one place rather than per page: pages redirect to
/// the step (returning afterwards), APIs and hubs answer 403 with a problem naming the step. The account pages and
/// everything anonymous (the public site, chat, webhooks) stay reachable.
/// </summary>
internal static class SignInStepsGate
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var step = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirst(SignInStep.ClaimType)?.Value : null;
        if (step is null || !IsStaffArea(context))
        {
            await next();
            return;
        }

        var request = context.Request;
        if (request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase))
        {
            await Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Sign-in step pending",
                detail: $"Complete {SignInStep.PageOf(step)} before using the staff area.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["step"] = step }).ExecuteAsync(context);
            return;
        }

        context.Response.Redirect(SignInStep.WithReturnUrl(SignInStep.PageOf(step), request.PathBase + request.Path + request.QueryString));
    }

    private static bool IsStaffArea(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase))
            return false;
        if (path.StartsWithSegments("/console", StringComparison.OrdinalIgnoreCase))
            return true;
        // Anything else is staff-only exactly when its endpoint needs a signed-in user.
        return context.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
    }
}
