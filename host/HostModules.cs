using ConversationHub.Bot;
using ConversationHub.Core;
using ConversationHub.Faq;
using ConversationHub.Handoff;
using ConversationHub.Host.DemoCity;
using ConversationHub.Host.Logs;
using ConversationHub.Host.Telemetry;
using ConversationHub.VoiceBridge;

namespace ConversationHub.Host;

/// <summary>The platform's modules in their order: one composition for the host and for verbs that run nodes in-process.</summary>
internal static class HostModules
{
    /// <summary>
    /// Registers every module, core first: its start-up migrations must run before any other hosted service reads the
    /// database. Logs go to <paramref name="logStream"/> (stderr for a verb, whose stdout is its output).
    /// </summary>
    public static WebApplicationBuilder AddModules(this WebApplicationBuilder builder, HubLogging.ConsoleStream logStream = HubLogging.ConsoleStream.StandardOutput)
    {
        builder.AddHubLogging(logStream);
        builder.AddCore();
        builder.AddHostDefaults();
        builder.AddFaq();
        builder.AddBot();
        builder.AddHandoff();
        builder.AddVoiceBridge();
        builder.AddDemoCity();
        builder.AddHubTelemetry();
        return builder;
    }

    /// <summary>Maps every module's endpoints and pages.</summary>
    public static WebApplication MapModules(this WebApplication app)
    {
        app.UseHubRequestLogging();
        app.UseHostDefaults();
        app.MapCore();
        app.MapFaq();
        app.MapBot();
        app.MapHandoff();
        app.MapVoiceBridge();
        app.MapHostDefaults();
        app.MapHubTelemetry();
        return app;
    }
}
