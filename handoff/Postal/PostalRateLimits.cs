using System.Threading.RateLimiting;
using ConversationHub.Core.Http;
using ConversationHub.Handoff.Postal.Apis;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Postal;

/// <summary>
/// The anonymous lookup (the citizens' inquiry form) is limited per client address with a fixed window, so the
/// endpoint cannot be used to page through the whole dataset quickly; signed-in staff are not limited. A refusal is
/// 429 with <c>Retry-After</c> and problem details. Chains to the limiter's earlier rejection handler for other paths.
/// </summary>
internal static class PostalRateLimits
{
    public static void Configure(RateLimiterOptions limiter)
    {
        limiter.AddPolicy(PostalApi.LookupRatePolicy, context =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
            {
                return RateLimitPartition.GetNoLimiter("staff");
            }

            var options = context.RequestServices.GetRequiredService<IOptionsMonitor<PostalOptions>>().CurrentValue;
            return ClientRateLimits.PerClientAddress(context, options.AnonymousLookupsPerWindow, options.LookupWindow);
        });

        limiter.AddRejectionHandler(PostalApi.Prefix, async (rejected, cancellationToken) =>
        {
            var http = rejected.HttpContext;
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ClientRateLimits.SetRetryAfter(http.Response, rejected.Lease);

            var strings = http.RequestServices.GetRequiredService<IStringLocalizer<HandoffStrings>>();
            await http.Response.WriteAsJsonAsync(
                new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = strings["Postal_TooManyRequests"] },
                options: null, contentType: "application/problem+json", cancellationToken);
        });
    }
}
