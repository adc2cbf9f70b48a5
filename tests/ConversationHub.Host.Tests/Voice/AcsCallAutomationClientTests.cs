using System.Net;
using System.Text;
using ConversationHub.Testing;
using ConversationHub.VoiceBridge.Acs;
using ConversationHub.VoiceBridge.Acs.Wire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>
/// Every request the ACS clients send matches Azure's stored REST specification (request body schema, path, verb),
/// is signed so that <see cref="AcsHmac"/> verifies it, and keeps one repeatability id per logical operation.
/// </summary>
public sealed class AcsCallAutomationClientTests
{
    private const string AccessKey = "bG9jYWwtdGVzdC1hY2Nlc3Mta2V5LTMyLWJ5dGVzISE=";
    private static readonly DateTimeOffset FirstSent = new(2025, 6, 1, 1, 0, 20, TimeSpan.Zero);
    private static readonly CommunicationIdentifierModel Caller = CommunicationIdentifierModel.ForPhoneNumber("+819011112222");

    [Fact]
    public async Task EveryOperation_SendsSpecValidSignedRequests()
    {
        // Arrange
        var ct = TestTimeout.Token();
        await using var acs = await AcsCaptureServer.StartAsync(ct);
        using var services = Services(acs.BaseAddress);
        var client = services.GetRequiredService<AcsCallAutomationClient>();
        var sms = services.GetRequiredService<AcsSmsClient>();
        var callback = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<VoiceOptions>>().Value.Acs.CallbackUri().AbsoluteUri;
        acs.Answers.Enqueue((200, """{"callConnectionId":"421f0b00-aaaa-bbbb-cccc-3f8c05dc64d7","serverCallId":"aHR0cHM6Ly9leGFtcGxl","callConnectionState":"connecting"}"""));
        acs.Answers.Enqueue((204, string.Empty));
        acs.Answers.Enqueue((201, """{"callConnectionId":"c2"}"""));

        // Act
        var answered = await client.AnswerAsync(new AnswerCallRequest
        {
            IncomingCallContext = "ctx", CallbackUri = callback, OperationContext = "call-0001",
            CallIntelligenceOptions = new CallIntelligenceOptions { CognitiveServicesEndpoint = "https://faq-ai.cognitiveservices.azure.com/" },
        }, AcsRepeatability.For("answer:e1", FirstSent), ct);
        await client.RejectAsync(new RejectCallRequest { IncomingCallContext = "ctx", CallRejectReason = "busy" }, AcsRepeatability.For("reject:e2", FirstSent), ct);
        await client.CreateCallAsync(new CreateCallRequest
        {
            Targets = [Caller], CallbackUri = callback, SourceCallerIdNumber = new PhoneNumberIdentifierModel { Value = "+81501234567" }, OperationContext = "callback-1",
        }, AcsRepeatability.For("create:1", FirstSent), ct);
        await client.PlayAsync("c1", new PlayRequest { PlaySources = [PlaySource.JapaneseText("お電話ありがとうございます。", "ja-JP-NanamiNeural"), PlaySource.FromSsml("<speak/>"), PlaySource.FromFile(new Uri("https://cdn.example.jp/bye.wav"))], PlayTo = [], OperationContext = "hello" }, ct);
        await client.RecognizeAsync("c1", new RecognizeRequest
        {
            RecognizeInputType = "dtmf", PlayPrompt = PlaySource.JapaneseText("料金は1を押してください。", "ja-JP-NanamiNeural"), InterruptCallMediaOperation = true, OperationContext = "menu-main",
            RecognizeOptions = new RecognizeOptions
            {
                TargetParticipant = Caller, InterruptPrompt = true, InitialSilenceTimeoutInSeconds = 10,
                DtmfOptions = new DtmfOptions { MaxTonesToCollect = 1, InterToneTimeoutInSeconds = 5, StopTones = ["pound"] },
            },
        }, ct);
        await client.RecognizeAsync("c1", new RecognizeRequest
        {
            RecognizeInputType = "choices", OperationContext = "menu-voice",
            RecognizeOptions = new RecognizeOptions
            {
                TargetParticipant = Caller, SpeechLanguage = "ja-JP", SpeechOptions = new SpeechOptions { EndSilenceTimeoutInMs = 800 },
                Choices = [new RecognitionChoice { Label = "fee", Phrases = ["料金", "値段"], Tone = "one" }],
            },
        }, ct);
        await client.CancelAllMediaOperationsAsync("c1", ct);
        await client.TransferToParticipantAsync("c1", new TransferToParticipantRequest
        {
            TargetParticipant = CommunicationIdentifierModel.ForPhoneNumber("+81312345678"), SourceCallerIdNumber = new PhoneNumberIdentifierModel { Value = "+81501234567" }, OperationContext = "handoff",
        }, AcsRepeatability.For("transfer:c1", FirstSent), ct);
        await client.TransferToParticipantAsync("c1", new TransferToParticipantRequest { TargetParticipant = CommunicationIdentifierModel.ForCommunicationUser("8:acs:1111_2222"), OperationContext = "handoff" }, AcsRepeatability.For("transfer:c1b", FirstSent), ct);
        await client.HangUpAsync("c1", ct);
        await client.TerminateAsync("c1", AcsRepeatability.For("terminate:c1", FirstSent), ct);
        acs.Answers.Enqueue((202, """{"value":[{"to":"+819011112222","messageId":"m1","httpStatusCode":202,"repeatabilityResult":"accepted","successful":true}]}"""));
        var sent = await sms.SendAsync("+18005550100", "+819011112222", "FAQはこちら: https://example.jp/faq", AcsRepeatability.For("sms:c1", FirstSent), true, "call-0001", ct);

        // Assert
        Assert.Equal("421f0b00-aaaa-bbbb-cccc-3f8c05dc64d7", answered?.CallConnectionId);
        Assert.True(sent is { Successful: true, MessageId: "m1" });
        var requests = acs.Requests.ToArray();
        var expected = new (string Method, string Path, string? Definition, bool Repeatable)[]
        {
            ("POST", "/calling/callConnections:answer", "AnswerCallRequest", true),
            ("POST", "/calling/callConnections:reject", "RejectCallRequest", true),
            ("POST", "/calling/callConnections", "CreateCallRequest", true),
            ("POST", "/calling/callConnections/c1:play", "PlayRequest", false),
            ("POST", "/calling/callConnections/c1:recognize", "RecognizeRequest", false),
            ("POST", "/calling/callConnections/c1:recognize", "RecognizeRequest", false),
            ("POST", "/calling/callConnections/c1:cancelAllMediaOperations", null, false),
            ("POST", "/calling/callConnections/c1:transferToParticipant", "TransferToParticipantRequest", true),
            ("POST", "/calling/callConnections/c1:transferToParticipant", "TransferToParticipantRequest", true),
            ("DELETE", "/calling/callConnections/c1", null, false),
            ("POST", "/calling/callConnections/c1:terminate", null, true),
        };
        Assert.Equal(expected.Length + 1, requests.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var (method, path, definition, repeatable) = expected[i];
            var request = requests[i];
            Assert.Equal(method, request.Method);
            Assert.Equal(path + "?api-version=2025-06-15", request.PathAndQuery);
            AssertSigned(request, acs.BaseAddress);
            Assert.Equal(repeatable, request.Headers.ContainsKey("Repeatability-Request-ID"));
            if (definition is not null)
            {
                Assert.Empty(AcsOpenApiSchemas.ValidateCallAutomation(definition, request.Body));
            }
        }

        var smsRequest = requests[^1];
        Assert.Equal("/sms?api-version=2021-03-07", smsRequest.PathAndQuery);
        AssertSigned(smsRequest, acs.BaseAddress);
        Assert.Empty(AcsOpenApiSchemas.ValidateSms("SendMessageRequest", smsRequest.Body));
        Assert.Contains(AcsRepeatability.For("sms:c1", FirstSent).RequestIdText, Encoding.UTF8.GetString(smsRequest.Body), StringComparison.Ordinal);
        Assert.Contains("\"sourceLocale\":\"ja-JP\"", Encoding.UTF8.GetString(requests[3].Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schemas_RejectAMisspeltWireName()
    {
        // Guards the contract test itself: the closed schemas must notice an unknown member.
        var errors = AcsOpenApiSchemas.ValidateCallAutomation("AnswerCallRequest", Encoding.UTF8.GetBytes("""{"incomingCallContext":"c","callbackUrl":"https://x"}"""));
        Assert.NotEmpty(errors);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Answer_ServerFailsOnceWith503_RetriesWithTheSameRepeatabilityHeaders()
    {
        // Arrange
        var ct = TestTimeout.Token();
        await using var acs = await AcsCaptureServer.StartAsync(ct);
        using var services = Services(acs.BaseAddress);
        var client = services.GetRequiredService<AcsCallAutomationClient>();
        acs.Answers.Enqueue((503, """{"error":{"code":"ServiceUnavailable","message":"try again"}}"""));
        acs.Answers.Enqueue((200, """{"callConnectionId":"c1"}"""));
        var repeatability = AcsRepeatability.For("answer:e1", FirstSent);

        // Act
        var answered = await client.AnswerAsync(new AnswerCallRequest { IncomingCallContext = "ctx", CallbackUri = "https://ivr.example.jp/cb" }, repeatability, ct);

        // Assert
        Assert.Equal("c1", answered?.CallConnectionId);
        var requests = acs.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.All(requests, r => Assert.Equal(repeatability.RequestIdText, r.Headers["Repeatability-Request-ID"]));
        Assert.All(requests, r => Assert.Equal("Sun, 01 Jun 2025 01:00:20 GMT", r.Headers["Repeatability-First-Sent"]));
        Assert.All(requests, r => AssertSigned(r, acs.BaseAddress));
        Assert.Equal(repeatability, AcsRepeatability.For("answer:e1", FirstSent.AddMilliseconds(300)));
        Assert.NotEqual(repeatability.RequestId, AcsRepeatability.For("answer:e2", FirstSent).RequestId);
    }

    [Fact]
    public async Task Play_ServerFailsWith503_IsNotRetriedAndThrowsTheTypedError()
    {
        // Arrange
        var ct = TestTimeout.Token();
        await using var acs = await AcsCaptureServer.StartAsync(ct);
        using var services = Services(acs.BaseAddress);
        var client = services.GetRequiredService<AcsCallAutomationClient>();
        acs.Answers.Enqueue((503, """{"error":{"code":"8500","message":"media busy"}}"""));

        // Act
        var error = await Assert.ThrowsAsync<AcsRequestException>(() => client.PlayAsync("c1", new PlayRequest { PlaySources = [PlaySource.JapaneseText("はい", "ja-JP-NanamiNeural")] }, ct));

        // Assert
        Assert.Single(acs.Requests);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("8500", error.Code);
        Assert.Equal("media busy", error.ErrorMessage);
    }

    [Fact]
    public async Task HangUp_ServerFailsOnceThenCallIsGone_RetriesAndCountsAsDone()
    {
        // Arrange
        var ct = TestTimeout.Token();
        await using var acs = await AcsCaptureServer.StartAsync(ct);
        using var services = Services(acs.BaseAddress);
        var client = services.GetRequiredService<AcsCallAutomationClient>();
        acs.Answers.Enqueue((500, string.Empty));
        acs.Answers.Enqueue((404, """{"error":{"code":"8522","message":"Call not found."}}"""));

        // Act
        await client.HangUpAsync("c1", ct);

        // Assert
        Assert.Equal(2, acs.Requests.Count);
        Assert.All(acs.Requests, r => Assert.Equal("DELETE", r.Method));
    }

    internal static ServiceProvider Services(Uri endpoint, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Voice:Provider"] = "Acs",
            ["Voice:Acs:Endpoint"] = endpoint.AbsoluteUri,
            ["Voice:Acs:AccessKey"] = AccessKey,
            ["Voice:Acs:CallbackBaseUrl"] = "https://ivr.example.jp/",
            ["Voice:Acs:Audience"] = "00000000-1111-2222-3333-444444444444",
            ["Voice:Acs:CallbackSecret"] = "s3cret-callback-segment",
            ["Voice:Acs:RetryDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddAcs();
        return services.BuildServiceProvider();
    }

    private static void AssertSigned(CapturedRequest request, Uri endpoint)
    {
        var hash = AcsHmac.ContentHash(request.Body);
        Assert.Equal(hash, request.Headers["x-ms-content-sha256"]);
        Assert.Equal(endpoint.Authority, request.Host);
        var signature = AcsHmac.Signature(AccessKey, request.Method, request.PathAndQuery, request.Host, request.Headers["x-ms-date"], hash);
        Assert.Equal(AcsHmac.Authorization(signature), request.Headers["Authorization"]);
    }
}
