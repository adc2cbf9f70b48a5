using ConversationHub.Bot.DirectLine.Activities;
using ConversationHub.Bot.DirectLine.Streaming;
using ConversationHub.Bot.DirectLine.Tokens;
using ConversationHub.Bot.DirectLine.Uploads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.DirectLine;

/// <summary>Registers the Direct Line channel adapter.</summary>
internal static class DirectLineServiceCollectionExtensions
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.AddOptions<DirectLineOptions>()
            .BindConfiguration(DirectLineOptions.SectionName)
            .Validate(o => o.TokenLifetime > TimeSpan.Zero && o.TokenRateWindow > TimeSpan.Zero && o.AnonymousTokensPerWindow > 0,
                "DirectLine: TokenLifetime, TokenRateWindow and AnonymousTokensPerWindow must be positive.")
            .Validate(o => o.MaxActivityBytes > 0 && o.MaxTextLength > 0 && o.MaxUploadFileBytes > 0 && o.MaxUploadFiles > 0 && o.KeepAliveInterval > TimeSpan.Zero,
                "DirectLine: the size limits and KeepAliveInterval must be positive.")
            .Validate(o => o.AllowedOrigins.All(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.AbsolutePath is "/" or ""),
                "DirectLine:AllowedOrigins: each entry is an origin such as https://www.city.example.jp.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<DirectLineAuthentication>();
        services.AddSingleton<AttachmentLinks>();
        services.AddSingleton<OutboundActivityWriter>();
        services.TryAddScoped<IDirectLineUploadStore, DatabaseDirectLineUploadStore>();
        services.AddSingleton<DirectLineStreamRouter>();
        services.AddHostedService(sp => sp.GetRequiredService<DirectLineStreamRouter>());
        services.AddSingleton<DirectLineStream>();
        services.AddScoped<DirectLineServices>();

        services.AddCors();
        services.AddSingleton<IConfigureOptions<CorsOptions>, DirectLineCorsSetup>();
        services.AddRateLimiter(DirectLineRateLimits.Configure);
        return services;
    }
}
