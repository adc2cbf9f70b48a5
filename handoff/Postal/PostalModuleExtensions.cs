using ConversationHub.Handoff.Postal.Apis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Handoff.Postal;

/// <summary>Registration of the postal code lookup, called from <see cref="HandoffModuleExtensions"/>.</summary>
internal static class PostalModuleExtensions
{
    /// <summary>The directory (singleton), the loader, the index sync across nodes and the lookup's rate limit.</summary>
    public static IServiceCollection AddPostalCodes(this IServiceCollection services)
    {
        services.AddOptions<PostalOptions>().BindConfiguration(PostalOptions.SectionName)
            .Validate(o => o.MaxFileBytes is > 0 and <= 512 * 1024 * 1024 && o.ReportedLines is >= 0 and <= 10_000
                && o.AnonymousLookupsPerWindow > 0 && o.LookupWindow > TimeSpan.Zero,
                "Postal: MaxFileBytes from 1 to 512 MiB, ReportedLines from 0 to 10000, AnonymousLookupsPerWindow and LookupWindow positive.")
            .ValidateOnStart();
        services.AddLocalization();
        services.AddSingleton<PostalCodeDirectory>();
        services.AddScoped<ImportPostalDataset>();
        services.AddSingleton<PostalIndexSync>();
        services.AddHostedService(sp => sp.GetRequiredService<PostalIndexSync>());
        services.AddRateLimiter(PostalRateLimits.Configure);
        return services;
    }

    /// <summary>Maps <c>/api/postal/…</c>.</summary>
    public static IEndpointRouteBuilder MapPostalCodes(this IEndpointRouteBuilder endpoints) => endpoints.MapPostalApi();
}
