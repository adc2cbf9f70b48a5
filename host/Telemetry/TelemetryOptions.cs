namespace ConversationHub.Host.Telemetry;

/// <summary>The <c>Telemetry</c> configuration section: metrics and traces, all off unless set.</summary>
public sealed class TelemetryOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Telemetry";

    /// <summary><c>/metrics</c> in Prometheus text format.</summary>
    public PrometheusOptions Prometheus { get; set; } = new();

    /// <summary>OTLP export of metrics and traces.</summary>
    public OtlpOptions Otlp { get; set; } = new();

    /// <summary>The Prometheus scraping endpoint.</summary>
    public sealed class PrometheusOptions
    {
        /// <summary>Serve <c>/metrics</c> (default false).</summary>
        public bool Enabled { get; set; }

        /// <summary>
        /// The bearer token the scraper sends (<c>Authorization: Bearer …</c>). Without one, only requests from this machine
        /// (loopback) are answered; the metrics are never public.
        /// </summary>
        public string? ScrapeToken { get; set; }
    }

    /// <summary>The OTLP exporter.</summary>
    public sealed class OtlpOptions
    {
        /// <summary>The collector's address (e.g. <c>http://otel-collector:4317</c>); empty turns OTLP off.</summary>
        public string? Endpoint { get; set; }
    }
}
