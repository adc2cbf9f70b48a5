using ConversationHub.Core.Http;
using Microsoft.Extensions.Options;

namespace ConversationHub.Host;

/// <summary>
/// The <c>Security</c> section: headers every response carries. HSTS is off by default because the embedded
/// default runs on plain HTTP at 127.0.0.1; behind the city's TLS terminator set <c>Security:Hsts=true</c>.
/// </summary>
public sealed class SecurityHeaderOptions
{
    public const string SectionName = "Security";

    /// <summary>Sends <c>Strict-Transport-Security</c> (one year, subdomains) on HTTPS responses.</summary>
    public bool Hsts { get; set; }
}

/// <summary>
/// Adds the headers no response should be without: a strict <c>Content-Security-Policy</c> (scripts and styles only
/// from this origin or with the request's nonce, no plugins, no foreign forms, framed only by ourselves),
/// <c>X-Content-Type-Options: nosniff</c>, and a <c>Referrer-Policy</c> that never sends a page's address (which can
/// carry a search) to another site. Written before the rest of the pipeline runs, so error pages, redirects, API
/// answers and assets carry them too.
/// </summary>
internal static class SecurityHeaders
{
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SecurityHeaderOptions>>().Value;
        if (options.Hsts)
        {
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy(context);
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            // For browsers older than CSP's frame-ancestors.
            headers.XFrameOptions = "SAMEORIGIN";
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// The policy for one request. Web Chat's bundle takes the nonce for the style elements its emotion styles insert
    /// (chat-widget.js passes it on), so no part needs <c>'unsafe-inline'</c>. Images may be <c>data:</c> and
    /// <c>blob:</c> (Web Chat's icons and the preview of a file the citizen attaches). Direct Line's and SignalR's
    /// sockets go to this host: CSP 3's <c>'self'</c> covers ws/wss there, the explicit source is for older browsers.
    /// </summary>
    internal static string Policy(HttpContext context)
    {
        var nonce = context.GetCspNonce();
        var host = context.Request.Host;
        // Behind a TLS terminator the request here may be plain HTTP while the browser's socket is wss.
        var sockets = !host.HasValue ? string.Empty : context.Request.IsHttps ? $" wss://{host.Value}" : $" ws://{host.Value} wss://{host.Value}";
        return "default-src 'self'; " +
            $"script-src 'self' 'nonce-{nonce}'; " +
            $"style-src 'self' 'nonce-{nonce}'; " +
            "img-src 'self' data: blob:; " +
            $"connect-src 'self'{sockets}; " +
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
    }
}
