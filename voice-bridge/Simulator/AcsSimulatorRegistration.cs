using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ConversationHub.VoiceBridge.Simulator;

/// <summary>Adds and maps the stand-in ACS when <c>Voice:Provider</c> is <c>Simulator</c> (the default).</summary>
internal static class AcsSimulatorRegistration
{
    /// <summary>The same rule as <see cref="Acs.VoiceOptions.EffectiveProvider"/>: the stand-in runs unless ACS is chosen or configured.</summary>
    public static bool Enabled(IConfiguration configuration) =>
        (configuration.GetSection(Acs.VoiceOptions.SectionName).Get<Acs.VoiceOptions>() ?? new Acs.VoiceOptions()).EffectiveProvider == Acs.VoiceProvider.Simulator;

    public static void AddAcsSimulator(this IHostApplicationBuilder builder)
    {
        if (!Enabled(builder.Configuration))
        {
            return;
        }

        builder.Services.AddOptions<AcsSimulatorOptions>().BindConfiguration(AcsSimulatorOptions.Section);
        builder.Services.AddHttpClient(AcsEventDelivery.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, AcsStandInBuffering>();
        builder.Services.AddSingleton<AcsSimulatorKeys>();
        builder.Services.AddSingleton<AcsEventDelivery>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AcsEventDelivery>());
        builder.Services.AddSingleton<AcsStandIn>();
        builder.Services.AddSingleton<SimulatedPhone>();
        builder.Services.TryAddSingleton(TimeProvider.System);
    }

    public static void MapAcsSimulator(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (!Enabled(configuration))
        {
            return;
        }

        endpoints.MapAcsStandInApi();
        endpoints.MapSimulatedPhoneApi();
    }
}
