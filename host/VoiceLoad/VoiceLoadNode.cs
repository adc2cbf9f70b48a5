using ConversationHub.Bot;
using ConversationHub.Core;
using ConversationHub.Faq;
using ConversationHub.Handoff;
using ConversationHub.Host.DemoCity;
using ConversationHub.VoiceBridge;
using ConversationHub.VoiceBridge.Simulator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ConversationHub.Host.VoiceLoad;

/// <summary>
/// One platform node inside the <c>voice load</c> process, on 127.0.0.1 with a free port. In-process rather than a child
/// process (as <c>handoff load</c> does), because the measurements are taken inside the stand-in ACS, which lives in the
/// node: the run registers its <see cref="IAcsStandInObserver"/> there and drives the stand-in's phone directly.
/// </summary>
internal sealed class VoiceLoadNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private VoiceLoadNode(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Builds and starts a node with the platform's modules, as Program.cs composes them, and these settings.</summary>
    public static async Task<VoiceLoadNode> StartAsync(IReadOnlyDictionary<string, string?> settings, IAcsStandInObserver? observer, CancellationToken cancellationToken)
    {
        var builder = HostSetup.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // The same modules, in the same order, as Program.cs.
        builder.AddModules();
        // The banner is for a person at a terminal; here standard output carries the report (one JSON object with --json).
        var banner = builder.Services.Where(d => d.ImplementationType == typeof(StartupBanner)).ToList();
        foreach (var descriptor in banner)
        {
            builder.Services.Remove(descriptor);
        }

        // Standard output carries the report: the nodes' logs go to standard error, as a child process's would stay apart.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (observer is not null)
        {
            builder.Services.AddSingleton(observer);
        }

        var app = builder.Build();
        app.MapModules();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The node started without an address.");
        return new VoiceLoadNode(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _app.StopAsync(stopping.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
