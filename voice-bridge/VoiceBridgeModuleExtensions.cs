using ConversationHub.Core;
using ConversationHub.Core.Retention;
using ConversationHub.VoiceBridge.Acs;
using ConversationHub.VoiceBridge.Callbacks;
using ConversationHub.VoiceBridge.Calls;
using ConversationHub.VoiceBridge.Lines;
using ConversationHub.VoiceBridge.Lines.Apis;
using ConversationHub.VoiceBridge.Persistence;
using ConversationHub.VoiceBridge.Retention;
using ConversationHub.VoiceBridge.Simulator;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ConversationHub.VoiceBridge;

/// <summary>Entry points of the VoiceBridge module: the ACS Call Automation adapter and IVR flows.</summary>
public static class VoiceBridgeModuleExtensions
{
    /// <summary>Registers the module's services: the ACS options, signed REST clients, webhook readers and callback authentication, and the stand-in ACS on the embedded default.</summary>
    public static IHostApplicationBuilder AddVoiceBridge(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAcsSimulator();
        builder.Services.AddAcs();
        builder.AddHubDbContext<VoiceDbContext>(VoiceDbContext.MigrationsHistoryTable);
        builder.Services.AddScoped<VoiceEventLedger>();
        builder.Services.AddScoped<IRetentionPolicy, CallRecordRetentionPolicy>();
        builder.Services.AddScoped<Core.Programs.IProgramDataPart, CallRecordProgramData>();
        builder.Services.AddSingleton<VoiceWorkQueue>();
        builder.Services.AddHostedService<VoiceWorkDispatcher>();
        builder.Services.AddHostedService<VoiceEventRecovery>();
        // The voicebot; handlers registered before AddVoiceBridge (tests) take precedence.
        builder.AddCalls();
        builder.Services.AddPhoneLines();
        // Callbacks from the cases (架電); their calls' events are routed to them before the IVR sees any.
        builder.Services.AddCallbacks();
        return builder;
    }

    /// <summary>Maps the module's endpoints: ACS's Event Grid webhook (<c>/api/voice/events</c>), call callbacks (<c>/api/voice/callbacks/{secret}</c>), the phone lines' API (<c>/api/voice/lines</c>) and, on the simulator, the stand-in ACS.</summary>
    public static IEndpointRouteBuilder MapVoiceBridge(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapAcsSimulator(endpoints.ServiceProvider.GetRequiredService<IConfiguration>());
        endpoints.MapAcsEndpoints();
        endpoints.MapCallTransferApi();
        endpoints.MapPhoneLinesApi();
        return endpoints;
    }
}
