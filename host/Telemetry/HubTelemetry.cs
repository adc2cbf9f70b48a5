using System.Net;
using System.Security.Cryptography;
using System.Text;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ConversationHub.Host.Telemetry;

/// <summary>
/// OpenTelemetry for the platform: ASP.NET Core and HttpClient instrumentation and the modules' own meters
/// (<c>ConversationHub.*</c>: questions, bot turn time, queue length, longest wait, agents by state, outbox depth),
/// scraped at <c>/metrics</c> and/or exported over OTLP, each only when its setting is on. With both off nothing is
/// registered and nothing is measured.
/// </summary>
internal static class HubTelemetry
{
    /// <summary>The platform's meters and activity sources, one per module.</summary>
    public const string PlatformInstruments = "ConversationHub.*";

    private const string ScrapePath = "/metrics";

    public static WebApplicationBuilder AddHubTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = Uri.TryCreate(options.Otlp.Endpoint, UriKind.Absolute, out var endpoint) ? endpoint : null;
        if (!options.Prometheus.Enabled && otlp is null)
            return builder;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("ConversationHub"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter(PlatformInstruments);
                if (options.Prometheus.Enabled)
                    metrics.AddPrometheusExporter();
                if (otlp is not null)
                    metrics.AddOtlpExporter(exporter => exporter.Endpoint = otlp);
            });
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddSource(PlatformInstruments)
                .AddOtlpExporter(exporter => exporter.Endpoint = otlp));
        }

        return builder;
    }

    /// <summary>
    /// Maps <c>/metrics</c> when enabled. Its authorization rule is the scrape gate, not the staff sign-in (a scraper
    /// has no cookie): the configured bearer token, or, without one, a request from this machine; anything else gets 404,
    /// so the address says nothing to the public.
    /// </summary>
    public static WebApplication MapHubTelemetry(this WebApplication app)
    {
        var options = app.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.Prometheus.Enabled)
            return app;

        var token = options.Prometheus.ScrapeToken;
        app.MapPrometheusScrapingEndpoint(ScrapePath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            if (!MayScrape(context, token))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        }), optionsName: null).AllowAnonymous();
        return app;
    }

    private static bool MayScrape(HttpContext context, string? token)
    {
        if (string.IsNullOrEmpty(token))
            return context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);
        var header = context.Request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        return header.StartsWith(Bearer, StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[Bearer.Length..]), Encoding.UTF8.GetBytes(token));
    }
}
