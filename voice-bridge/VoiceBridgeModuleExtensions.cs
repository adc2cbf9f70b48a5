using ConversationHub.VoiceBridge.Acs;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace ConversationHub.VoiceBridge;

/// <summary>Entry points of the VoiceBridge module: the ACS Call Automation adapter and IVR flows.</summary>
public static class VoiceBridgeModuleExtensions
{
    /// <summary>Registers the module's services: the ACS options, signed REST clients, webhook readers and callback authentication.</summary>
    public static IHostApplicationBuilder AddVoiceBridge(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAcs();
        return builder;
    }

    /// <summary>Maps the module's endpoints.</summary>
    public static IEndpointRouteBuilder MapVoiceBridge(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints;
    }
}
