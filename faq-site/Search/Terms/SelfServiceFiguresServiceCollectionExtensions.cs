using ConversationHub.Core.Faq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConversationHub.Faq.Search.Terms;

/// <summary>Registers the search-term counters and the FAQ site's figures for the self-service report.</summary>
internal static class SelfServiceFiguresServiceCollectionExtensions
{
    public static IServiceCollection AddFaqSelfServiceFigures(this IServiceCollection services)
    {
        services.AddSingleton<SearchTermTally>();
        services.AddSingleton<SearchTermTallyWriterService>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchTermTallyWriterService>());
        services.Replace(ServiceDescriptor.Scoped<IFaqSiteFigures, FaqSiteFigures>());
        return services;
    }
}
