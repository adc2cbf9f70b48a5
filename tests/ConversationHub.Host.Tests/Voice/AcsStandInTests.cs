using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.VoiceBridge.Acs;
using ConversationHub.VoiceBridge.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>The stand-in ACS: HMAC, repeatability, SMS, callbacks with JWTs, and the official npm client against it.</summary>
public sealed class AcsStandInTests
{
    private const string AccessKey = "bG9jYWwtdGVzdC1hY2Nlc3Mta2V5LTMyLWJ5dGVzISE=";
    private const string Caller = "+819011112222";
    private const string City = "+81501234567";

    private static async Task<HubHost> StartAsync(AcsCallbackCapture capture, CancellationToken ct) =>
        await HubHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Voice:Simulator:AccessKey"] = AccessKey,
            ["Voice:Simulator:EventGridUrl"] = capture.BaseUrl + "eventgrid",
        }, ct);

    private static async Task<HttpResponseMessage> SendSignedAsync(HubHost host, HttpMethod method, string pathAndQuery, string? body, CancellationToken ct,
        string key = AccessKey, string? repeatabilityId = null)
    {
        using var client = host.CreateClient();
        var bytes = Encoding.UTF8.GetBytes(body ?? string.Empty);
        var date = AcsHmac.Date(DateTimeOffset.UtcNow);
        var hash = AcsHmac.ContentHash(bytes);
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new("application/json");
        }

        request.Headers.Add("x-ms-date", date);
        request.Headers.Add("x-ms-content-sha256", hash);
        request.Headers.TryAddWithoutValidation("Authorization",
            AcsHmac.Authorization(AcsHmac.Signature(key, method.Method, pathAndQuery, client.BaseAddress!.Authority, date, hash)));
        if (repeatabilityId is not null)
        {
            request.Headers.Add("Repeatability-Request-ID", repeatabilityId);
            request.Headers.Add("Repeatability-First-Sent", date);
        }

        return await client.SendAsync(request, ct);
    }

    private static async Task<(SimulatedCall Call, string Context)> RingAndAnswerAsync(HubHost host, AcsCallbackCapture capture, CancellationToken ct)
    {
        var call = host.Services.GetRequiredService<SimulatedPhone>().PlaceCall(Caller, City)!;
        var incoming = await Eventually.UntilAsync(() => capture.Received.FirstOrDefault(r => r.Path == "/eventgrid").Body, "IncomingCall", ct);
        var context = (string)incoming![0]!["data"]!["incomingCallContext"]!;
        var answer = new JsonObject { ["incomingCallContext"] = context, ["callbackUri"] = capture.BaseUrl + "callbacks" }.ToJsonString();
        using var response = await SendSignedAsync(host, HttpMethod.Post, "/calling/callConnections:answer?api-version=2025-06-15", answer, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (call, context);
    }

    [Fact]
    public async Task Request_ForgedOrMissingSignature_Is401WithAcsErrorBody()
    {
        // Arrange
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = cts.Token;
        using var capture = new AcsCallbackCapture();
        await using var host = await StartAsync(capture, ct);
        using var plain = host.CreateClient();

        // Act
        using var forged = await SendSignedAsync(host, HttpMethod.Post, "/sms?api-version=2021-03-07", "{}", ct, key: Convert.ToBase64String(new byte[32]));
        using var missing = await plain.PostAsync("/simulator/acs/sms?api-version=2021-03-07", new StringContent("{}", Encoding.UTF8, "application/json"), ct);
        using var noVersion = await SendSignedAsync(host, HttpMethod.Post, "/sms", "{}", ct);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        var error = JsonNode.Parse(await forged.Content.ReadAsStringAsync(ct))!["error"]!;
        Assert.NotNull((string?)error["code"]);
        Assert.NotNull((string?)error["message"]);
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
    }

    [Fact]
    public async Task Play_RepeatedRepeatabilityRequestId_PlaysOnce()
    {
        // Arrange
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = cts.Token;
        using var capture = new AcsCallbackCapture();
        await using var host = await StartAsync(capture, ct);
        var (call, _) = await RingAndAnswerAsync(host, capture, ct);
        var play = """{"playSources":[{"kind":"text","text":{"text":"こんにちは","sourceLocale":"ja-JP"}}],"operationContext":"hello"}""";
        var id = Guid.NewGuid().ToString();

        // Act
        using var first = await SendSignedAsync(host, HttpMethod.Post, $"/calling/callConnections/{call.CallConnectionId}:play?api-version=2025-06-15", play, ct, repeatabilityId: id);
        using var second = await SendSignedAsync(host, HttpMethod.Post, $"/simulator/acs/calling/callConnections/{call.CallConnectionId}:play?api-version=2025-06-15", play, ct, repeatabilityId: id);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var prompts = await host.Services.GetRequiredService<SimulatedPhone>().HeardAsync(call, 0, TimeSpan.Zero, ct);
        Assert.Equal("こんにちは", Assert.Single(prompts).Content);
        await Eventually.UntilAsync(() => capture.CloudEvents.Any(e => (string?)e["type"] == "Microsoft.Communication.PlayCompleted") ? "done" : null, "PlayCompleted", ct);
        Assert.Single(capture.CloudEvents, e => (string?)e["type"] == "Microsoft.Communication.PlayCompleted");
    }

    [Fact]
    public async Task Sms_Sent_IsRecordedOnceForARepeatedId()
    {
        // Arrange
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = cts.Token;
        using var capture = new AcsCallbackCapture();
        await using var host = await StartAsync(capture, ct);
        var repeat = Guid.NewGuid().ToString();
        var body = $$"""{"from":"{{City}}","smsRecipients":[{"to":"{{Caller}}","repeatabilityRequestId":"{{repeat}}","repeatabilityFirstSent":"{{AcsHmac.Date(DateTimeOffset.UtcNow)}}"}],"message":"FAQはこちら: https://example.jp/faq"}""";

        // Act
        using var first = await SendSignedAsync(host, HttpMethod.Post, "/sms?api-version=2021-03-07", body, ct);
        using var second = await SendSignedAsync(host, HttpMethod.Post, "/sms?api-version=2021-03-07", body, ct);
        using var staff = await host.SignInAsync("operator", ct);
        var listed = await staff.GetFromJsonAsync<JsonArray>("/api/voice/simulator/sms", ct);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var result = JsonNode.Parse(await first.Content.ReadAsStringAsync(ct))!["value"]![0]!;
        Assert.True((bool)result["successful"]!);
        var sms = Assert.Single(listed!);
        Assert.Equal(Caller, (string?)sms!["to"]);
        Assert.Equal("FAQはこちら: https://example.jp/faq", (string?)sms["message"]);
    }

    [Fact]
    public async Task Callbacks_Jwt_VerifiesAgainstServedJwks()
    {
        // Arrange
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = cts.Token;
        using var capture = new AcsCallbackCapture();
        await using var host = await StartAsync(capture, ct);
        await RingAndAnswerAsync(host, capture, ct);
        using var client = host.CreateClient();

        // Act
        var metadata = JsonNode.Parse(await client.GetStringAsync("/simulator/acs/.well-known/acsopenidconfiguration", ct))!;
        var jwks = new JsonWebKeySet(await client.GetStringAsync(new Uri((string)metadata["jwks_uri"]!), ct));
        var connected = await Eventually.UntilAsync(() => capture.Received.FirstOrDefault(r => r.Path == "/callbacks" &&
            (string?)r.Body[0]!["type"] == "Microsoft.Communication.CallConnected").Authorization, "CallConnected", ct);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(connected!["Bearer ".Length..], new TokenValidationParameters
        {
            ValidIssuer = (string)metadata["issuer"]!,
            ValidAudience = "5f0c6a1e-0000-4000-8000-00000000ac55",
            IssuerSigningKeys = jwks.GetSigningKeys(),
        });

        // Assert
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task OfficialJsClient_AnswerPlayRecognizeTransfer_SucceedAgainstStandIn()
    {
        // Arrange
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        using var capture = new AcsCallbackCapture();
        await using var host = await StartAsync(capture, ct);
        var call = host.Services.GetRequiredService<SimulatedPhone>().PlaceCall(Caller, City)!;
        var incoming = await Eventually.UntilAsync(() => capture.Received.FirstOrDefault(r => r.Path == "/eventgrid").Body, "IncomingCall", ct);
        var endpoint = host.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority) + "/";

        // Act
        var (exitCode, output) = await NodeTestRunner.RunAsync("tests/js/acs-call-automation.test.mjs", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ACS_CONNECTION_STRING"] = $"endpoint={endpoint};accesskey={AccessKey}",
            ["INCOMING_CALL_CONTEXT"] = (string)incoming![0]!["data"]!["incomingCallContext"]!,
            ["CALLBACK_URL"] = capture.BaseUrl + "callbacks",
            ["CALLER"] = Caller,
            ["TRANSFER_TO"] = "+81312345678",
        }, ct);

        // Assert
        Assert.True(exitCode == 0, output);
        var operations = host.Services.GetRequiredService<AcsStandIn>().Operations.Select(o => o.Name).ToList();
        Assert.Equal(["answer", "play", "recognize", "transferToParticipant"], operations);
        Assert.Equal(["お電話ありがとうございます。", "料金は1を押してください。"], call.Heard.Select(h => h.Content));
        string[] expected = ["CallConnected", "PlayCompleted", "CallTransferAccepted", "CallDisconnected"];
        await Eventually.UntilAsync(() => expected.All(t => capture.CloudEvents.Any(e => (string?)e["type"] == "Microsoft.Communication." + t)) ? "done" : null, "callbacks", ct);
        var accepted = capture.CloudEvents.First(e => (string?)e["type"] == "Microsoft.Communication.CallTransferAccepted");
        Assert.Equal("+81312345678", (string?)accepted["data"]!["transferTarget"]!["phoneNumber"]!["value"]);
        Assert.Equal(call.CallConnectionId, (string?)accepted["data"]!["callConnectionId"]);
        Assert.Equal("js-transfer", (string?)accepted["data"]!["operationContext"]);
    }

    [Fact]
    public async Task PlacedCall_WithDefaultSettings_ReachesThisHostsEventGridEndpoint()
    {
        // No EventGridUrl: the stand-in posts IncomingCall to this host's own /api/voice/events, which records its id.
        var ct = Testing.TestTimeout.Token(60);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        Assert.NotNull(host.Services.GetRequiredService<SimulatedPhone>().PlaceCall(Caller, City));
        await Eventually.UntilAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ConversationHub.VoiceBridge.Persistence.VoiceDbContext>();
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.ProcessedEvents, ct) ? "recorded" : null;
        }, "the IncomingCall recorded by /api/voice/events", ct);
        Assert.DoesNotContain(host.Logs, l => l.Contains("BackgroundService failed", StringComparison.Ordinal));
    }
}
