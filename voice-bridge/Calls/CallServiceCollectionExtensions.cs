using ConversationHub.VoiceBridge.Acs;
using ConversationHub.VoiceBridge.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConversationHub.VoiceBridge.Calls;

/// <summary>Registers the voicebot on calls, and on the simulator the settings that point our ACS client at the stand-in.</summary>
internal static class CallServiceCollectionExtensions
{
    internal static void AddCalls(this IHostApplicationBuilder builder)
    {
        if (AcsSimulatorRegistration.Enabled(builder.Configuration))
        {
            builder.Services.AddSingleton<IPostConfigureOptions<VoiceOptions>, SimulatorVoiceOptionsSetup>();
            builder.Services.AddHostedService<SimulatorVoiceOptionsRefresh>();
        }

        builder.Services.AddSingleton<PhoneLines>();
        builder.Services.AddScoped<CallHandler>();
        builder.Services.TryAddScoped<IIncomingCallHandler>(sp => sp.GetRequiredService<CallHandler>());
        builder.Services.TryAddScoped<ICallEventHandler>(sp => sp.GetRequiredService<CallHandler>());
        builder.Services.AddSingleton<VoiceAnswerSignal>();
        builder.Services.AddSingleton<VoiceAnswerWaits>();
        builder.Services.AddHostedService<VoiceAnswerWorker>();
        builder.Services.AddHostedService<VoiceQueueListener>();
    }
}
