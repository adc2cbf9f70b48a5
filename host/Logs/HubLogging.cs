using System.Globalization;
using ConversationHub.Core.Conversations.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ConversationHub.Host.Logs;

/// <summary>
/// Serilog for the whole process: one JSON object per line on the console (Serilog's rendered compact format:
/// <c>@t</c>, <c>@m</c>, <c>@l</c>, <c>@tr</c>/<c>@sp</c> trace ids, then the properties), enriched with the request id,
/// the node and, where a channel handles one, the <c>ConversationId</c>.
/// </summary>
/// <remarks>
/// Levels keep their usual home, <c>Logging:LogLevel</c> (Default and per category), so every switch that worked with the
/// built-in console logger still works; a <c>Serilog</c> section (<c>MinimumLevel</c>, <c>WriteTo</c>, <c>Enrich</c>) is read
/// after it and wins. <c>Logging:Console:FormatterName</c> <c>simple</c> or <c>systemd</c> makes the console human-readable
/// for development; anything else is JSON. Events also reach Serilog sinks registered as services and other logging
/// providers registered in the container (tests capture them that way).
/// </remarks>
internal static class HubLogging
{
    private const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>Where the console lines go: stdout when serving; stderr for command-line verbs, whose stdout is their output.</summary>
    public enum ConsoleStream
    {
        StandardOutput,
        StandardError,
    }

    public static WebApplicationBuilder AddHubLogging(this WebApplicationBuilder builder, ConsoleStream stream = ConsoleStream.StandardOutput)
    {
        // The built-in providers would write every line a second time.
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            (services, logger) => Configure(logger, services, stream),
            preserveStaticLogger: true, // several hosts in one process (tests, verbs) each keep their own pipeline
            writeToProviders: true);
        return builder;
    }

    /// <summary>
    /// One line per request: method, path (never the query string, where a citizen's search text travels), the route
    /// template, status, time, request id, and the conversation when the endpoint handled one.
    /// </summary>
    public static WebApplication UseHubRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.IncludeQueryInRequestPath = false;
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("RequestId", context.TraceIdentifier);
                if (context.GetEndpoint() is RouteEndpoint route)
                    diagnostics.Set("RouteTemplate", route.RoutePattern.RawText);
                if (ConversationLogScope.Of(context) is { } conversationId)
                    diagnostics.Set(ConversationLogScope.PropertyName, conversationId);
            };
        });
        return app;
    }

    private static void Configure(LoggerConfiguration logger, IServiceProvider services, ConsoleStream stream)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        ApplyLogLevels(logger, configuration.GetSection("Logging:LogLevel"));
        // Sinks and enrichers registered as services (ILogEventSink, ILogEventEnricher) join the pipeline too.
        logger.ReadFrom.Configuration(configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Node", configuration["Logs:NodeName"] is { Length: > 0 } node ? node : Environment.MachineName);

        LogEventLevel? toStandardError = stream == ConsoleStream.StandardError ? LogEventLevel.Verbose : null;
        var format = configuration["Logging:Console:FormatterName"];
        if (string.Equals(format, "simple", StringComparison.OrdinalIgnoreCase) || string.Equals(format, "systemd", StringComparison.OrdinalIgnoreCase))
            logger.WriteTo.Console(outputTemplate: TextTemplate, formatProvider: CultureInfo.InvariantCulture, standardErrorFromLevel: toStandardError);
        else
            logger.WriteTo.Console(new RenderedCompactJsonFormatter(), standardErrorFromLevel: toStandardError);
    }

    /// <summary>The <c>Logging:LogLevel</c> section as Serilog levels: <c>Default</c> is the minimum, each category an override.</summary>
    private static void ApplyLogLevels(LoggerConfiguration logger, IConfigurationSection levels)
    {
        foreach (var entry in levels.GetChildren())
        {
            if (!Enum.TryParse<LogLevel>(entry.Value, ignoreCase: true, out var level))
                continue;
            var serilogLevel = ToSerilog(level);
            if (string.Equals(entry.Key, "Default", StringComparison.OrdinalIgnoreCase))
                logger.MinimumLevel.Is(serilogLevel);
            else
                logger.MinimumLevel.Override(entry.Key, serilogLevel);
        }
    }

    private static LogEventLevel ToSerilog(LogLevel level) => level switch
    {
        LogLevel.Trace => LogEventLevel.Verbose,
        LogLevel.Debug => LogEventLevel.Debug,
        LogLevel.Information => LogEventLevel.Information,
        LogLevel.Warning => LogEventLevel.Warning,
        LogLevel.Error => LogEventLevel.Error,
        _ => LogEventLevel.Fatal, // Critical and None: only what stops the process
    };
}
