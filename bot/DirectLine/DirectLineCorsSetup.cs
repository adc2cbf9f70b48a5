using ConversationHub.Bot.DirectLine.Apis;
using ConversationHub.Faq.Site;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.DirectLine;

/// <summary>
/// The CORS policy of the Direct Line paths: the headers and methods the official client sends (spec §1; without
/// <c>x-ms-bot-agent</c> newer Web Chat fails its preflight), from <see cref="DirectLineOptions.AllowedOrigins"/> and
/// the FAQ site's public origin. Origins are read per request, so a configuration reload applies at once.
/// </summary>
internal sealed class DirectLineCorsSetup(IOptionsMonitor<DirectLineOptions> options, IOptionsMonitor<FaqSiteOptions> site) : IConfigureOptions<CorsOptions>
{
    public void Configure(CorsOptions cors)
    {
        ArgumentNullException.ThrowIfNull(cors);
        cors.AddPolicy(DirectLineApi.CorsPolicy, policy => policy
            .SetIsOriginAllowed(IsAllowed)
            .WithHeaders("Authorization", "Content-Type", "Accept", "x-ms-bot-agent")
            .WithMethods("GET", "POST", "OPTIONS")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10)));
    }

    private bool IsAllowed(string origin)
    {
        var own = site.CurrentValue.PublicBaseUrl?.TrimEnd('/');
        return (own is not null && string.Equals(origin, own, StringComparison.OrdinalIgnoreCase))
            || options.CurrentValue.AllowedOrigins.Any(o => string.Equals(origin, o.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }
}
