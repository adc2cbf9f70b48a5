using System.Collections.Frozen;
using System.Text.Json;
using Azure.Messaging;
using ConversationHub.VoiceBridge.Acs.Events;
using ConversationHub.VoiceBridge.Acs.Wire;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>
/// Reads a Call Automation callback body: a JSON array of CloudEvents 1.0 (<see cref="CloudEvent.ParseMany(BinaryData, bool)"/>),
/// each turned into an <see cref="AcsCallEvent"/>. Unmodelled types become <see cref="AcsCallEventKind.Unknown"/>; only a
/// body that is not CloudEvents at all throws (<see cref="FormatException"/>).
/// </summary>
public static class AcsCallbackReader
{
    private const string TypePrefix = "Microsoft.Communication.";

    // By exact name (Enum.TryParse would also take numbers and comma lists).
    private static readonly FrozenDictionary<string, AcsCallEventKind> Kinds =
        Enum.GetValues<AcsCallEventKind>().Where(k => k != AcsCallEventKind.Unknown).ToFrozenDictionary(k => k.ToString(), StringComparer.Ordinal);

    /// <summary>Reads every event of the body.</summary>
    public static IReadOnlyList<AcsCallEvent> Read(BinaryData body)
    {
        ArgumentNullException.ThrowIfNull(body);
        CloudEvent[] events;
        try
        {
            events = CloudEvent.ParseMany(body, skipValidation: false);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new FormatException("Not a CloudEvents callback.", exception);
        }

        return events.Select(ToEvent).ToList();
    }

    private static AcsCallEvent ToEvent(CloudEvent e)
    {
        var name = e.Type.StartsWith(TypePrefix, StringComparison.Ordinal) ? e.Type[TypePrefix.Length..] : e.Type;
        var kind = Kinds.TryGetValue(name, out var k) ? k : AcsCallEventKind.Unknown;
        var evt = new AcsCallEvent { EventId = e.Id, Type = e.Type, Kind = kind, Time = e.Time };
        if (e.Data is null)
        {
            return evt;
        }

        using var document = JsonDocument.Parse(e.Data);
        var data = document.RootElement;
        if (data.ValueKind != JsonValueKind.Object)
        {
            return evt;
        }

        return evt with
        {
            CallConnectionId = Text(data, "callConnectionId"),
            ServerCallId = Text(data, "serverCallId"),
            CorrelationId = Text(data, "correlationId"),
            OperationContext = Text(data, "operationContext"),
            ResultInformation = data.TryGetProperty("resultInformation", out var result) && result.ValueKind == JsonValueKind.Object
                ? new AcsResultInformation(Int(result, "code"), Int(result, "subCode"), Text(result, "message"))
                : null,
            Recognition = kind == AcsCallEventKind.RecognizeCompleted ? Recognition(data) : null,
            TransferTarget = Identifier(data, "transferTarget"),
            Transferee = Identifier(data, "transferee"),
            Participant = Identifier(data, "participant"),
            Participants = data.TryGetProperty("participants", out var participants) && participants.ValueKind == JsonValueKind.Array
                ? participants.EnumerateArray().Select(p => Identifier(p, "identifier")).OfType<CommunicationIdentifierModel>().ToList()
                : [],
            SequenceNumber = Int(data, "sequenceNumber"),
            FailedPlaySourceIndex = Int(data, "failedPlaySourceIndex"),
        };
    }

    private static AcsRecognition Recognition(JsonElement data)
    {
        var type = Text(data, "recognitionType") ?? string.Empty;
        var tones = new List<string>();
        // GA payloads say dtmfResult; older documentation shows collectTonesResult.
        foreach (var name in (ReadOnlySpan<string>)["dtmfResult", "collectTonesResult"])
        {
            if (data.TryGetProperty(name, out var dtmf) && dtmf.ValueKind == JsonValueKind.Object && dtmf.TryGetProperty("tones", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                tones.AddRange(list.EnumerateArray().Select(t => t.ToString()));
                break;
            }
        }

        string? speech = null, label = null, phrase = null;
        double? confidence = null;
        if (data.TryGetProperty("speechResult", out var s) && s.ValueKind == JsonValueKind.Object)
        {
            speech = Text(s, "speech");
            confidence = Double(s, "confidence");
        }

        if (data.TryGetProperty("choiceResult", out var c) && c.ValueKind == JsonValueKind.Object)
        {
            label = Text(c, "label");
            phrase = Text(c, "recognizedPhrase");
            confidence ??= Double(c, "confidence");
        }

        return new AcsRecognition(type, tones, speech, confidence, label, phrase);
    }

    private static CommunicationIdentifierModel? Identifier(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value.Deserialize<CommunicationIdentifierModel>() : null;

    private static string? Text(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) ? i : null;

    private static double? Double(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
