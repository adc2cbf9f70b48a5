using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ConversationHub.VoiceBridge.Simulator;

/// <summary>
/// Posts the stand-in's events in the background, in order per enqueue: Call Automation callbacks (a CloudEvents array with
/// a Bearer JWT, as ACS signs them) and Event Grid notifications. A non-2xx answer or a network error is retried with
/// doubling waits, so a receiver must tolerate duplicates — which tests can also force.
/// </summary>
internal sealed partial class AcsEventDelivery(
    IHttpClientFactory httpClientFactory,
    AcsSimulatorKeys keys,
    IOptions<AcsSimulatorOptions> options,
    TimeProvider time,
    ILogger<AcsEventDelivery> logger,
    IAcsStandInObserver? observer = null) : BackgroundService
{
    public const string HttpClientName = "acs-simulator";

    private readonly Channel<Delivery> _queue = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan TokenReuseMargin = TimeSpan.FromMinutes(4);

    private readonly JsonWebTokenHandler _tokens = new();
    private IssuedToken? _token;

    /// <summary>Sends Call Automation events for one call to its callback URI, each as a one-element array (as ACS does).</summary>
    public void EnqueueCallbacks(string callbackUri, IReadOnlyList<JsonObject> events)
    {
        var ordered = options.Value.ReorderDeliveries ? events.Reverse().ToList() : events.ToList();
        foreach (var cloudEvent in ordered)
        {
            var body = new JsonArray(cloudEvent).ToJsonString();
            Write(new Delivery(callbackUri, body, EventGrid: false, cloudEvent));
        }
    }

    /// <summary>Sends an Event Grid notification (Event Grid schema) to the subscriber.</summary>
    public void EnqueueEventGrid(string url, JsonArray events) => Write(new Delivery(url, events.ToJsonString(), EventGrid: true, events));

    private void Write(Delivery delivery)
    {
        _queue.Writer.TryWrite(delivery);
        if (options.Value.DuplicateDeliveries)
        {
            _queue.Writer.TryWrite(delivery);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var client = httpClientFactory.CreateClient(HttpClientName);
        await foreach (var delivery in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await DeliverAsync(client, delivery, stoppingToken);
        }
    }

    private async Task DeliverAsync(HttpClient client, Delivery delivery, CancellationToken cancellationToken)
    {
        var delay = options.Value.DeliveryFirstRetryDelay;
        for (var attempt = 1; attempt <= options.Value.DeliveryAttempts; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
                {
                    Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
                };
                if (delivery.EventGrid)
                {
                    request.Headers.Add("aeg-event-type", "Notification");
                }
                else
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CurrentToken());
                }

                observer?.Posting(delivery.Events, delivery.EventGrid);
                using var response = await client.SendAsync(request, cancellationToken);
                observer?.Posted(delivery.Events, delivery.EventGrid, response.IsSuccessStatusCode);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                Log.DeliveryRefused(logger, (int)response.StatusCode, attempt);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A subscriber that cannot be reached (or a malformed address) must never stop the host.
                Log.DeliveryFailed(logger, attempt, ex);
            }

            await Task.Delay(delay, time, cancellationToken);
            delay *= 2;
        }

        Log.DeliveryDropped(logger, options.Value.DeliveryAttempts);
    }

    /// <summary>
    /// The token for the next delivery: the last one while it has more than <see cref="TokenReuseMargin"/> to live.
    /// PERF: an RS256 signature costs about a millisecond of CPU; one per callback made the stand-in, which shares the
    /// host's CPU, a large part of what a load test measured. A receiver sees the same token on many callbacks, as a
    /// cached bearer token, and still checks each.
    /// </summary>
    private string CurrentToken()
    {
        var now = time.GetUtcNow();
        if (_token is { } token && token.Expires - now > TokenReuseMargin)
        {
            return token.Value;
        }

        var fresh = CreateToken();
        _token = new IssuedToken(fresh, now + TokenLifetime);
        return fresh;
    }

    /// <summary>A short-lived token like ACS's callback JWT: RS256, issuer and audience (the resource id) as configured.</summary>
    internal string CreateToken()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return _tokens.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.TokenIssuer,
            Audience = options.Value.ResourceId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + TokenLifetime,
            Subject = new ClaimsIdentity([new Claim("sub", "acs-simulator")]),
            SigningCredentials = new SigningCredentials(keys.SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <param name="Events">What <paramref name="Body"/> was written from, for <see cref="IAcsStandInObserver"/> (never changed).</param>
    private sealed record IssuedToken(string Value, DateTimeOffset Expires);

    private sealed record Delivery(string Url, string Body, bool EventGrid, JsonNode Events);

    private static partial class Log
    {
        [LoggerMessage(5900, LogLevel.Warning, "Stand-in ACS: delivery answered {StatusCode} (attempt {Attempt}).")]
        public static partial void DeliveryRefused(ILogger logger, int statusCode, int attempt);

        [LoggerMessage(5901, LogLevel.Warning, "Stand-in ACS: delivery failed (attempt {Attempt}).")]
        public static partial void DeliveryFailed(ILogger logger, int attempt, Exception exception);

        [LoggerMessage(5902, LogLevel.Error, "Stand-in ACS: delivery dropped after {Attempts} attempts.")]
        public static partial void DeliveryDropped(ILogger logger, int attempts);
    }
}
