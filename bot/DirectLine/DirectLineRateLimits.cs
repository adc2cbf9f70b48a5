using System.Globalization;
using System.Threading.RateLimiting;
using ConversationHub.Bot.DirectLine.Apis;
using ConversationHub.Bot.DirectLine.Tokens;
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

            return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.AnonymousTokensPerWindow,
                Window = options.TokenRateWindow,
                QueueLimit = 0,
            });
        });

        var previous = limiter.OnRejected;
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var http = rejected.HttpContext;
            if (!http.Request.Path.StartsWithSegments("/v3/directline", StringComparison.OrdinalIgnoreCase))
            {
                if (previous is not null)
                {
                    await previous(rejected, cancellationToken);
                }

                return;
            }

            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            var error = DirectLineErrors.Create(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many tokens requested; try again later.");
            await http.Response.WriteAsJsonAsync(error.Value, cancellationToken);
        };
    }
}
