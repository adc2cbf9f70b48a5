using ConversationHub.VoiceBridge.Acs;
using ConversationHub.VoiceBridge.Acs.Events;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>Call Automation callbacks (CloudEvents arrays) in the shapes of shared/specs/acs-call-automation.md §4 and §6.</summary>
public sealed class AcsCallbackReaderTests
{
    internal static string Event(string type, string id, string extra = "") => $$$"""
        {"id":"{{{id}}}","source":"calling/callConnections/421f0b00","type":"Microsoft.Communication.{{{type}}}","specversion":"1.0","datacontenttype":"application/json",
         "time":"2025-06-01T01:00:12.5+00:00","subject":"calling/callConnections/421f0b00",
         "data":{"callConnectionId":"421f0b00","serverCallId":"aHR0cHM6Ly9leGFtcGxl","correlationId":"0c7f3c2e","operationContext":"menu-main"{{{extra}}}}}
        """;

    [Fact]
    public void Read_RecognizeCompletedDtmf_GivesTonesAndCodes()
    {
        // Arrange
        var body = BinaryData.FromString("[" + Event("RecognizeCompleted", "b3f1", ""","resultInformation":{"code":200,"subCode":8531,"message":"Action completed, max digits received."},"recognitionType":"dtmf","dtmfResult":{"tones":["two","pound"]}""") + "]");

        // Act
        var e = Assert.Single(AcsCallbackReader.Read(body));

        // Assert
        Assert.Equal(AcsCallEventKind.RecognizeCompleted, e.Kind);
        Assert.Equal("b3f1", e.EventId);
        Assert.Equal("421f0b00", e.CallConnectionId);
        Assert.Equal("aHR0cHM6Ly9leGFtcGxl", e.ServerCallId);
        Assert.Equal("0c7f3c2e", e.CorrelationId);
        Assert.Equal("menu-main", e.OperationContext);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 1, 0, 12, 500, TimeSpan.Zero), e.Time);
        Assert.Equal(new AcsResultInformation(200, 8531, "Action completed, max digits received."), e.ResultInformation);
        Assert.Equal("dtmf", e.Recognition?.RecognitionType);
        Assert.Equal(["two", "pound"], e.Recognition?.Tones);
    }

    [Fact]
    public void Read_OlderCollectTonesResult_GivesTones()
    {
        var e = Assert.Single(AcsCallbackReader.Read(BinaryData.FromString("[" + Event("RecognizeCompleted", "x", ""","recognitionType":"dtmf","collectTonesResult":{"tones":["one"]}""") + "]")));
        Assert.Equal(["one"], e.Recognition?.Tones);
    }

    [Fact]
    public void Read_SpeechAndChoice_GiveTextLabelAndConfidence()
    {
        var events = AcsCallbackReader.Read(BinaryData.FromString("[" +
            Event("RecognizeCompleted", "s", ""","recognitionType":"speech","speechResult":{"speech":"料金を知りたい","confidence":0.87}""") + "," +
            Event("RecognizeCompleted", "c", ""","recognitionType":"choices","choiceResult":{"label":"fee","recognizedPhrase":"料金","confidence":0.93}""") + "]"));
        Assert.Equal(("speech", "料金を知りたい", 0.87), (events[0].Recognition!.RecognitionType, events[0].Recognition!.SpeechText, events[0].Recognition!.Confidence!.Value));
        Assert.Equal(("choices", "fee", "料金", 0.93), (events[1].Recognition!.RecognitionType, events[1].Recognition!.ChoiceLabel, events[1].Recognition!.RecognizedPhrase, events[1].Recognition!.Confidence!.Value));
    }

    [Fact]
    public void Read_EveryModelledType_AndAnUnknownOne()
    {
        // Arrange
        var body = BinaryData.FromString("[" + string.Join(",",
            Event("CallConnected", "1"),
            Event("CallDisconnected", "2"),
            Event("PlayCompleted", "3"),
            Event("PlayFailed", "4", ""","resultInformation":{"code":400,"subCode":8535,"message":"bad file"},"failedPlaySourceIndex":1"""),
            Event("PlayCanceled", "5"),
            Event("RecognizeFailed", "6", ""","resultInformation":{"code":400,"subCode":8510,"message":"Action failed, initial silence timeout reached."}"""),
            Event("RecognizeCanceled", "7"),
            Event("CallTransferAccepted", "8", ""","transferTarget":{"kind":"phoneNumber","rawId":"4:+81312345678","phoneNumber":{"value":"+81312345678"}},"transferee":{"rawId":"4:+819011112222","phoneNumber":{"value":"+819011112222"}}"""),
            Event("CallTransferFailed", "9"),
            Event("ParticipantsUpdated", "10", ""","sequenceNumber":3,"participants":[{"identifier":{"rawId":"4:+819011112222","phoneNumber":{"value":"+819011112222"}},"isMuted":false,"isOnHold":false}]"""),
            Event("CreateCallFailed", "11"),
            Event("AnswerFailed", "12"),
            Event("HoldAudioStarted", "13")) + "]");

        // Act
        var events = AcsCallbackReader.Read(body);

        // Assert
        Assert.Equal(
            [AcsCallEventKind.CallConnected, AcsCallEventKind.CallDisconnected, AcsCallEventKind.PlayCompleted, AcsCallEventKind.PlayFailed, AcsCallEventKind.PlayCanceled,
             AcsCallEventKind.RecognizeFailed, AcsCallEventKind.RecognizeCanceled, AcsCallEventKind.CallTransferAccepted, AcsCallEventKind.CallTransferFailed,
             AcsCallEventKind.ParticipantsUpdated, AcsCallEventKind.CreateCallFailed, AcsCallEventKind.AnswerFailed, AcsCallEventKind.Unknown],
            events.Select(e => e.Kind));
        Assert.Equal(1, events[3].FailedPlaySourceIndex);
        Assert.Equal(new AcsResultInformation(400, 8510, "Action failed, initial silence timeout reached."), events[5].ResultInformation);
        Assert.Equal("+81312345678", events[7].TransferTarget?.PhoneNumber?.Value);
        Assert.Equal("4:+819011112222", events[7].Transferee?.RawId);
        Assert.Equal(3, events[9].SequenceNumber);
        Assert.Equal("+819011112222", Assert.Single(events[9].Participants).PhoneNumber?.Value);
        Assert.Equal("Microsoft.Communication.HoldAudioStarted", events[12].Type);
        Assert.Equal("421f0b00", events[12].CallConnectionId);
    }

    [Fact]
    public void Read_NotCloudEvents_IsAFormatError() =>
        Assert.Throws<FormatException>(() => AcsCallbackReader.Read(BinaryData.FromString("""[{"hello":1}]""")));
}
