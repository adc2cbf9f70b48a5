using ConversationHub.Core;
using ConversationHub.Faq.Persistence;
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
        return builder;
    }

    /// <summary>Maps the public FAQ site and the FAQ APIs.</summary>
    public static IEndpointRouteBuilder MapFaq(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints;
    }
}
