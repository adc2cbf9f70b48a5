using ConversationHub.Core;
using ConversationHub.Faq.KnowledgeBase.Import;
using ConversationHub.Faq.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace ConversationHub.Faq;

/// <summary>Entry points of the FAQ module (knowledge base, search, public FAQ site).</summary>
public static class FaqModuleExtensions
{
    /// <summary>Registers the knowledge base on the hub database.</summary>
    public static IHostApplicationBuilder AddFaq(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddHubDbContext<FaqDbContext>(FaqDbContext.MigrationsHistoryTable);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<ImportFaqDocument>();
        builder.Services.AddOptions<Site.FaqSiteOptions>().BindConfiguration(Site.FaqSiteOptions.SectionName);
        return builder;
    }

    /// <summary>Maps the public FAQ site and the FAQ APIs.</summary>
    public static IEndpointRouteBuilder MapFaq(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints;
    }
}
