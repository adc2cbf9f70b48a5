using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using ConversationHub.VoiceBridge.Acs;
using ConversationHub.VoiceBridge.Acs.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>
/// The two ACS webhooks on the whole platform: Event Grid's handshakes and incoming calls, and the call callbacks
/// behind their JWT and secret path segment; redeliveries reach the handlers once.
/// </summary>
public sealed class AcsEndpointsTests
{
    private const string Audience = "00000000-1111-2222-3333-444444444444";
    private const string Secret = "s3cret-callback-segment";

    [Fact]
    public async Task Events_SubscriptionValidation_EchoesTheCode()
    {
        // Arrange
        var ct = TestTimeout.Token();
        await using var oidc = await AcsOidcServer.StartAsync(ct);
        await using var host = await StartHostAsync(oidc, new Recorder(), ct);
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/voice/events")
        {
            Content = new StringContent("""[{"id":"v1","topic":"/t","subject":"","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6"},"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2025-06-01T01:00:00Z","metadataVersion":"1","dataVersion":"1"}]""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("aeg-event-type", "SubscriptionValidation");

        // Act
        using var response = await client.SendAsync(request, ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", json.RootElement.GetProperty("validationResponse").GetString());
    }

    [Fact]
    public async Task Events_CloudEventsOptionsHandshake_AllowsTheOrigin()
    {
        var ct = TestTimeout.Token();
        await using var oidc = await AcsOidcServer.StartAsync(ct);
        await using var host = await StartHostAsync(oidc, new Recorder(), ct);
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/voice/events");
        request.Headers.Add("WebHook-Request-Origin", "eventgrid.azure.net");

        using var response = await client.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("eventgrid.azure.net", Assert.Single(response.Headers.GetValues("WebHook-Allowed-Origin")));
    }

    [Fact]
    public async Task Events_IncomingCallDeliveredTwice_ReachesTheHandlerOnce()
    {
        // Arrange
        var ct = TestTimeout.Token();
        var recorder = new Recorder();
        await using var oidc = await AcsOidcServer.StartAsync(ct);
        await using var host = await StartHostAsync(oidc, recorder, ct);
        using var client = host.CreateClient();
        var example = await File.ReadAllBytesAsync(Path.Combine(AcsOpenApiSchemas.ContractsRoot, "eventgrid", "Microsoft.Communication", "stable", "2018-01-01", "examples", "event-grid-schema", "incoming_call.json"), ct);

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            using var content = new ByteArrayContent(example);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/voice/events") { Content = content };
            request.Headers.Add("aeg-event-type", "Notification");
            using var response = await client.SendAsync(request, ct);
            statuses.Add(response.StatusCode);
        }

        // Assert
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var call = await Eventually.UntilAsync(() => recorder.Calls.FirstOrDefault(), "the incoming call", ct);
        Assert.Equal("{incoming-call-contextValue}", call.IncomingCallContext);
        await Task.Delay(300, ct);
        Assert.Single(recorder.Calls);
    }

    [Fact]
    public async Task Events_DefaultHandler_LogsNoCallerNumber()
    {
        var ct = TestTimeout.Token();
        await using var oidc = await AcsOidcServer.StartAsync(ct);
        await using var host = await StartHostAsync(oidc, recorder: null, ct);
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/voice/events")
        {
            Content = new StringContent("""[{"id":"pn-1","topic":"/t","subject":"/phonenumber/81501234567","eventType":"Microsoft.Communication.IncomingCall","eventTime":"2025-06-01T01:00:00Z","dataVersion":"1.0","metadataVersion":"1","data":{"to":{"kind":"phoneNumber","rawId":"4:+81501234567","phoneNumber":{"value":"+81501234567"}},"from":{"kind":"phoneNumber","rawId":"4:+819011112222","phoneNumber":{"value":"+819011112222"}},"serverCallId":"s","callerDisplayName":"山田","incomingCallContext":"ctx","correlationId":"c"}}]""", Encoding.UTF8, "application/json"),
        };

        using var response = await client.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.UntilAsync(() => host.Logs.FirstOrDefault(l => l.Contains("pn-1", StringComparison.Ordinal)), "the default handler's log line", ct);
        Assert.DoesNotContain(host.Logs, l => l.Contains("9011112222", StringComparison.Ordinal) || l.Contains("山田", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("no-token")]
    [InlineData("forged")]
    [InlineData("wrong-audience")]
    [InlineData("wrong-issuer")]
    [InlineData("wrong-secret")]
    public async Task Callbacks_WithoutValidTokenAndSecret_Are401(string flaw)
    {
        // Arrange
        var ct = TestTimeout.Token();
        var recorder = new Recorder();
        await using var oidc = await AcsOidcServer.StartAsync(ct);
        await using var host = await StartHostAsync(oidc, recorder, ct);
        using var client = host.CreateClient();
        var token = flaw switch
        {
            "no-token" => null,
            "forged" => oidc.Token(Audience, forged: true),
            "wrong-audience" => oidc.Token("someone-else"),
            "wrong-issuer" => oidc.Token(Audience, issuer: "https://evil.example/"),
            _ => oidc.Token(Audience),
        };

        // Act
        using var response = await PostCallbackAsync(client, flaw == "wrong-secret" ? "not-the-secret-at-all" : Secret, token, "[" + AcsCallbackReaderTests.Event("CallConnected", "cc-1") + "]", ct);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(200, ct);
        Assert.Empty(recorder.Events);
    }

    [Fact]
    public async Task Callbacks_ValidTokenDeliveredTwice_ReachTheHandlerOncePerEvent()
    {
        // Arrange
        var ct = TestTimeout.Token();
        var recorder = new Recorder();
        await using var oidc = await AcsOidcServer.StartAsync(ct);
        await using var host = await StartHostAsync(oidc, recorder, ct);
        using var client = host.CreateClient();
        var body = "[" + AcsCallbackReaderTests.Event("CallConnected", "cc-1") + "," +
            AcsCallbackReaderTests.Event("RecognizeCompleted", "rc-1", ""","recognitionType":"dtmf","dtmfResult":{"tones":["two"]}""") + "]";

        // Act
        using var first = await PostCallbackAsync(client, Secret, oidc.Token(Audience), body, ct);
        using var second = await PostCallbackAsync(client, Secret, oidc.Token(Audience), body, ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await Eventually.UntilAsync(() => recorder.Events.Count >= 2 ? recorder.Events : null, "both events", ct);
        await Task.Delay(300, ct);
        Assert.Equal(["cc-1", "rc-1"], recorder.Events.Select(e => e.EventId).Order(StringComparer.Ordinal));
        Assert.Equal(["two"], recorder.Events.Single(e => e.Kind == AcsCallEventKind.RecognizeCompleted).Recognition?.Tones);
    }

    private static async Task<HttpResponseMessage> PostCallbackAsync(HttpClient client, string secret, string? token, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/voice/callbacks/" + Uri.EscapeDataString(secret)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request, ct);
    }

    private static async Task<HubHost> StartHostAsync(AcsOidcServer oidc, Recorder? recorder, CancellationToken ct)
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            // The simulator provider runs the same callback check, against the metadata URL it is given.
            ["Voice:Provider"] = "Simulator",
            ["Voice:Acs:OpenIdMetadataUrl"] = oidc.MetadataUrl.AbsoluteUri,
            ["Voice:Acs:Audience"] = Audience,
            ["Voice:Acs:CallbackSecret"] = Secret,
            ["Logging:LogLevel:ConversationHub.VoiceBridge"] = "Information",
        };
        return HubHost.Start(database, ownsDatabase: true, TestPii.CreateOptions(), settings, services =>
        {
            if (recorder is not null)
            {
                services.RemoveAll<IIncomingCallHandler>();
                services.RemoveAll<ICallEventHandler>();
                services.AddSingleton<IIncomingCallHandler>(recorder);
                services.AddSingleton<ICallEventHandler>(recorder);
            }
        });
    }

    private sealed class Recorder : IIncomingCallHandler, ICallEventHandler
    {
        public ConcurrentQueue<IncomingCall> Calls { get; } = new();

        public ConcurrentQueue<AcsCallEvent> Events { get; } = new();

        public Task HandleAsync(IncomingCall incomingCall, CancellationToken cancellationToken)
        {
            Calls.Enqueue(incomingCall);
            return Task.CompletedTask;
        }

        public Task HandleAsync(AcsCallEvent callEvent, CancellationToken cancellationToken)
        {
            Events.Enqueue(callEvent);
            return Task.CompletedTask;
        }
    }
}
