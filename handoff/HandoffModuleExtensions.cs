using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace ConversationHub.Handoff;

/// <summary>Entry points of the Handoff module: the agent queue, live chat, cases and escalation.</summary>
public static class HandoffModuleExtensions
{
    /// <summary>Registers the module's services.</summary>
    public static IHostApplicationBuilder AddHandoff(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }

    /// <summary>Maps the module's endpoints.</summary>
    public static IEndpointRouteBuilder MapHandoff(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints;
    }
}
