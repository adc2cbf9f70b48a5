using System.Threading.RateLimiting;
using ConversationHub.Bot.DirectLine.Apis;
using ConversationHub.Bot.DirectLine.Tokens;
using ConversationHub.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.DirectLine;

/// <summary>
/// Anonymous token generation is limited per client address with a fixed window (each token starts a stored
/// conversation, so an unthrottled loop would fill the database). The embedder secret is not limited. A refusal is
/// 429 with <c>Retry-After</c> in seconds and the Direct Line error body.
/// </summary>
internal static class DirectLineRateLimits
{
    public static void Configure(RateLimiterOptions limiter)
    {
        limiter.AddPolicy(DirectLineApi.TokenRatePolicy, context =>
        {
            var options = context.RequestServices.GetRequiredService<IOptionsMonitor<DirectLineOptions>>().CurrentValue;
            if (DirectLineSecret.Matches(options.Secret, DirectLineAuthentication.BearerOf(context.Request)))
            {
                return RateLimitPartition.GetNoLimiter("embedder");
            }

            return ClientRateLimits.PerClientAddress(context, options.AnonymousTokensPerWindow, options.TokenRateWindow);
        });

        limiter.AddRejectionHandler("/v3/directline", async (rejected, cancellationToken) =>
        {
            var http = rejected.HttpContext;
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ClientRateLimits.SetRetryAfter(http.Response, rejected.Lease);
            var error = DirectLineErrors.Create(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many tokens requested; try again later.");
            await http.Response.WriteAsJsonAsync(error.Value, cancellationToken);
        });
    }
}
