using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace ConversationHub.Core.Http;

/// <summary>
/// The pieces every module's per-client rate limit shares: a fixed-window partition per client address, a rejection
/// handler scoped to one path prefix (the limiter has one <see cref="RateLimiterOptions.OnRejected"/> for the whole
/// host, so each module's handler chains to the one registered before it), and the <c>Retry-After</c> header. Each
/// module keeps its own exemption rule and its own response body.
/// </summary>
public static class ClientRateLimits
{
    /// <summary>The partition key used when the connection has no remote address (an in-memory test server).</summary>
    public const string UnknownAddress = "unknown";

    /// <summary>
    /// A fixed-window partition keyed by the connection's remote address: <paramref name="permitLimit"/> requests per
    /// <paramref name="window"/>, none queued (a request over the limit is rejected at once).
    /// </summary>
    /// <remarks>
    /// The address is the connection's: without <c>UseForwardedHeaders</c> every client behind a reverse proxy shares
    /// the proxy's address. The limit and window are read when an address's limiter is first made; a changed setting
    /// applies to addresses seen after the change.
    /// </remarks>
    /// <param name="context">The request.</param>
    /// <param name="permitLimit">Requests allowed per window and address; at least 1.</param>
    /// <param name="window">The window's length.</param>
    /// <returns>The partition for the request's client address.</returns>
    public static RateLimitPartition<string> PerClientAddress(HttpContext context, int permitLimit, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? UnknownAddress, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitLimit,
            Window = window,
            QueueLimit = 0,
        });
    }

    /// <summary>
    /// Handles rejections of requests under <paramref name="pathPrefix"/> (whole segments, case-insensitive) with
    /// <paramref name="onRejected"/>, and passes every other rejection to the handler set before this call, if any.
    /// </summary>
    /// <param name="limiter">The host's rate limiter options.</param>
    /// <param name="pathPrefix">The module's path prefix, such as <c>/api/postal</c>.</param>
    /// <param name="onRejected">Writes the module's 429 response.</param>
    public static void AddRejectionHandler(this RateLimiterOptions limiter, PathString pathPrefix, Func<OnRejectedContext, CancellationToken, ValueTask> onRejected)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(onRejected);
        var previous = limiter.OnRejected;
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            if (rejected.HttpContext.Request.Path.StartsWithSegments(pathPrefix, StringComparison.OrdinalIgnoreCase))
            {
                await onRejected(rejected, cancellationToken);
            }
            else if (previous is not null)
            {
                await previous(rejected, cancellationToken);
            }
        };
    }

    /// <summary>
    /// Sets <c>Retry-After</c> in whole seconds (rounded up, at least 1) from the lease's
    /// <see cref="MetadataName.RetryAfter"/>; sets nothing when the lease does not say.
    /// </summary>
    /// <param name="response">The 429 response, not yet started.</param>
    /// <param name="lease">The rejected lease.</param>
    public static void SetRetryAfter(HttpResponse response, RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            WriteRetryAfter(response, retryAfter);
        }
    }

    /// <summary>
    /// Sets <c>Retry-After</c> in whole seconds (rounded up, at least 1) from the lease's
    /// <see cref="MetadataName.RetryAfter"/>, or from <paramref name="fallback"/> when the lease does not say.
    /// </summary>
    /// <param name="response">The 429 response, not yet started.</param>
    /// <param name="lease">The rejected lease.</param>
    /// <param name="fallback">The wait to announce when the lease has no retry-after (such as the window's length).</param>
    /// <returns>The wait announced, for a response body that says when to try again.</returns>
    public static TimeSpan SetRetryAfter(HttpResponse response, RateLimitLease lease, TimeSpan fallback)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : fallback;
        WriteRetryAfter(response, wait);
        return wait;
    }

    private static void WriteRetryAfter(HttpResponse response, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
