using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace ConversationHub.Bot;

/// <summary>Entry points of the Bot module: the bot engine and its channel adapters (Direct Line, LINE).</summary>
public static class BotModuleExtensions
{
    /// <summary>Registers the module's services.</summary>
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }

    /// <summary>Maps the module's endpoints.</summary>
    public static IEndpointRouteBuilder MapBot(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints;
    }
}
