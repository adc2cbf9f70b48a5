using ConversationHub.VoiceBridge.Simulator;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConversationHub.VoiceBridge;

/// <summary>Entry points of the VoiceBridge module: the ACS Call Automation adapter and IVR flows.</summary>
public static class VoiceBridgeModuleExtensions
{
    /// <summary>Registers the module's services.</summary>
    public static IHostApplicationBuilder AddVoiceBridge(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAcsSimulator();
        return builder;
    }

    /// <summary>Maps the module's endpoints.</summary>
    public static IEndpointRouteBuilder MapVoiceBridge(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapAcsSimulator(endpoints.ServiceProvider.GetRequiredService<IConfiguration>());
        return endpoints;
    }
}
