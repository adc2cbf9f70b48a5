using System.Net;
using System.Threading.RateLimiting;
using ConversationHub.Core.Http;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Inquiry;

/// <summary>
/// The inquiry form's rate limit: final submissions (送信, <c>?handler=submit</c>) per client address in a fixed window;
/// showing, checking and correcting the form are not counted. A refused citizen gets 429 with <c>Retry-After</c> and a
/// short page in plain Japanese that says when to try again and gives the center's phone number.
/// </summary>
/// <remarks>
/// The address is the connection's: the host configures no forwarded headers, so behind a reverse proxy every citizen
/// would share the proxy's address. A deployment behind one must add <c>UseForwardedHeaders</c> with its proxy's
/// address (KnownProxies) before this counts per citizen.
/// </remarks>
internal static class InquiryRateLimits
{
    public const string Policy = "inquiry-submit";

    public static void Configure(RateLimiterOptions limiter)
    {
        limiter.AddPolicy(Policy, context =>
        {
            if (!HttpMethods.IsPost(context.Request.Method)
                || !string.Equals(context.Request.Query["handler"], "submit", StringComparison.OrdinalIgnoreCase))
            {
                return RateLimitPartition.GetNoLimiter("not-a-submission");
            }

            var options = context.RequestServices.GetRequiredService<IOptionsMonitor<InquiryOptions>>().CurrentValue;
            return ClientRateLimits.PerClientAddress(context, options.RateLimitPermits, options.RateLimitWindow);
        });

        limiter.AddRejectionHandler("/inquiry", async (rejected, cancellationToken) =>
        {
            var http = rejected.HttpContext;
            var services = http.RequestServices;
            InquiryLog.RateLimited(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InquiryRateLimits)));
            var window = services.GetRequiredService<IOptionsMonitor<InquiryOptions>>().CurrentValue.RateLimitWindow;
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            var wait = ClientRateLimits.SetRetryAfter(http.Response, rejected.Lease, window);
            http.Response.Headers.CacheControl = "no-store";
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(Page(services, wait), cancellationToken);
        });
    }

    // The rate limiter answers before the page runs, so this page is written here: small, self-contained, in the public
    // site's colours, with the phone number as a tel: link (elderly citizens on phones tap it).
    private static string Page(IServiceProvider services, TimeSpan wait)
    {
        var strings = services.GetRequiredService<IStringLocalizer<HandoffStrings>>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var phone = configuration["FaqSite:ContactPhone"] is { Length: > 0 } configured ? configured : strings["Inquiry_DefaultContactPhone"].Value;
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        static string E(string text) => WebUtility.HtmlEncode(text);
        var title = strings["Inquiry_LimitedTitle"].Value;
        return $$"""
            <!DOCTYPE html>
            <html lang="ja">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <meta name="robots" content="noindex" />
            <title>{{E(title)}}</title>
            <style>
            body { margin: 0; font-family: "Hiragino Sans", "Noto Sans JP", "IPAPGothic", "Meiryo", sans-serif; font-size: 1.0625rem; line-height: 1.8; color: #1a1a1a; background: #fafafa; }
            header { background: #00695c; color: #fff; padding: 1rem 1.25rem; font-weight: bold; font-size: 1.3rem; }
            main { max-width: 40rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
            h1 { font-size: 1.5rem; line-height: 1.5; }
            a { color: #0b4f8a; } a:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
            a.button { display: inline-block; min-height: 44px; padding: .7rem 1.5rem; background: #00695c; color: #fff; border-radius: 6px; text-decoration: none; }
            </style>
            </head>
            <body>
            <header>{{E(strings["Inquiry_Title"].Value)}}</header>
            <main id="main">
            <h1>{{E(title)}}</h1>
            <p>{{E(strings["Inquiry_Limited", minutes].Value)}}</p>
            <p>{{E(strings["Inquiry_LimitedPhone"].Value)}} <a href="tel:{{E(phone.Replace("-", "", StringComparison.Ordinal))}}">{{E(phone)}}</a></p>
            <p><a class="button" href="/">{{E(strings["Inquiry_BackHome"].Value)}}</a></p>
            </main>
            </body>
            </html>
            """;
    }
}
