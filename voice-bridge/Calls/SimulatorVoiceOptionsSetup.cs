using System.Security.Cryptography;
using ConversationHub.VoiceBridge.Acs;
using ConversationHub.VoiceBridge.Simulator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConversationHub.VoiceBridge.Calls;

/// <summary>
/// On the simulator, points our ACS client at the stand-in on this host and lets its callbacks in, with no settings:
/// the endpoint and callback base are this host's address (<see cref="AcsSimulatorOptions.SelfBaseUrl"/>, else the
/// server's first address), the access key is the stand-in's (<see cref="AcsSimulatorKeys"/>), the OIDC metadata is the
/// stand-in's, the audience its resource id and the callback secret a random one per process (the stand-in keeps no state
/// across restarts either). Settings given explicitly win. With <c>Voice:Provider=Acs</c> nothing is filled in.
/// </summary>
/// <remarks>
/// The server's addresses are known only once it listens, so the options are computed again when the application has
/// started (<see cref="SimulatorVoiceOptionsRefresh"/>).
/// </remarks>
internal sealed class SimulatorVoiceOptionsSetup(AcsSimulatorKeys keys, IOptions<AcsSimulatorOptions> simulator, IServer server) : IPostConfigureOptions<VoiceOptions>
{
    private readonly string _secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public void PostConfigure(string? name, VoiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.EffectiveProvider != VoiceProvider.Simulator)
        {
            return;
        }

        // Pin the decision: the settings filled in below would otherwise make the provider look like ACS.
        options.Provider = VoiceProvider.Simulator;
        var acs = options.Acs;
        acs.AccessKey ??= keys.AccessKey;
        acs.Audience ??= simulator.Value.ResourceId;
        acs.CallbackSecret ??= _secret;
        if (SelfBaseUrl() is not { } self)
        {
            return;
        }

        acs.Endpoint ??= self;
        acs.CallbackBaseUrl ??= self;
        if (acs.OpenIdMetadataUrl.AbsoluteUri == AcsOptions.DefaultOpenIdMetadataUrl)
        {
            acs.OpenIdMetadataUrl = new Uri(self, "simulator/acs/.well-known/acsopenidconfiguration");
        }
    }

    private Uri? SelfBaseUrl()
    {
        if (simulator.Value.SelfBaseUrl is { IsAbsoluteUri: true } configured)
        {
            return configured;
        }

        return HostAddress.Of(server);
    }
}

/// <summary>Computes the voice options again once the server listens, so <see cref="SimulatorVoiceOptionsSetup"/> sees its address.</summary>
internal sealed class SimulatorVoiceOptionsRefresh(IHostApplicationLifetime lifetime, IOptionsMonitorCache<VoiceOptions> cache) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => cache.TryRemove(Options.DefaultName));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
