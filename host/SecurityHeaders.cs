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
/// Adds the headers no page should be without: <c>X-Content-Type-Options: nosniff</c>, a <c>Referrer-Policy</c> that
/// never sends a page's address (which can carry a search) to another site, and <c>frame-ancestors 'self'</c> so no
/// other site frames the consoles or the forms (clickjacking). The full script policy with nonces comes with
/// issue 18's CSP work; this is its frame part.
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
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.ContentSecurityPolicy = "frame-ancestors 'self'";
            headers.XFrameOptions = "SAMEORIGIN";
            return next(context);
        });
        return app;
    }
}
