using System.Globalization;
using System.Text.Json.Nodes;

namespace ConversationHub.VoiceBridge.Simulator;

/// <summary>Wire shapes of ACS that the stand-in writes: identifiers, errors, CloudEvents, Event Grid events.</summary>
internal static class SimulatorJson
{
    public static JsonObject Phone(string e164) => new()
    {
        ["kind"] = "phoneNumber",
        ["rawId"] = "4:" + e164,
        ["phoneNumber"] = new JsonObject { ["value"] = e164 },
    };

    /// <summary>An identifier's raw id (<c>4:+81…</c>, <c>8:acs:…</c>), from <c>rawId</c> or its kind's value.</summary>
    public static string RawId(JsonObject identifier) =>
        (string?)identifier["rawId"]
        ?? ((string?)identifier["phoneNumber"]?["value"] is { } phone ? "4:" + phone : null)
        ?? (string?)identifier["communicationUser"]?["id"]
        ?? string.Empty;

    public static JsonObject Error(string code, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    public static JsonObject Result(int code, int subCode, string message) =>
        new() { ["code"] = code, ["subCode"] = subCode, ["message"] = message };

    /// <summary>A Call Automation callback event: CloudEvents 1.0 with ACS's common data fields.</summary>
    public static JsonObject CloudEvent(SimulatedCall call, string eventName, string? operationContext, JsonObject? result, JsonObject? extra, DateTimeOffset now)
    {
        var data = new JsonObject
        {
            ["callConnectionId"] = call.CallConnectionId,
            ["serverCallId"] = call.ServerCallId,
            ["correlationId"] = call.CorrelationId,
        };
        if (operationContext is not null)
        {
            data["operationContext"] = operationContext;
        }

        if (result is not null)
        {
            data["resultInformation"] = result;
        }

        if (extra is not null)
        {
            foreach (var (key, value) in extra.ToList())
            {
                extra.Remove(key);
                data[key] = value;
            }
        }

        data["version"] = "2025-06-15";
        data["publicEventType"] = "Microsoft.Communication." + eventName;
        var source = "calling/callConnections/" + call.CallConnectionId;
        return new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["source"] = source,
            ["type"] = "Microsoft.Communication." + eventName,
            ["subject"] = source,
            ["time"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["specversion"] = "1.0",
            ["datacontenttype"] = "application/json",
            ["data"] = data,
        };
    }

    /// <summary>The Event Grid (Event Grid schema) event for a ringing call.</summary>
    public static JsonArray IncomingCall(SimulatedCall call, string resourceId, DateTimeOffset now) =>
    [
        new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["topic"] = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/simulator/providers/Microsoft.Communication/CommunicationServices/" + resourceId,
            ["subject"] = "/phonenumber/" + call.Callee.TrimStart('+'),
            ["eventType"] = "Microsoft.Communication.IncomingCall",
            ["eventTime"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["dataVersion"] = "1.0",
            ["metadataVersion"] = "1",
            ["data"] = new JsonObject
            {
                ["to"] = call.CalleeIdentifier(),
                ["from"] = call.CallerIdentifier(),
                ["serverCallId"] = call.ServerCallId,
                ["callerDisplayName"] = string.Empty,
                ["incomingCallContext"] = call.IncomingCallContext,
                ["correlationId"] = call.CorrelationId,
            },
        },
    ];

    /// <summary>ACS's CallConnectionProperties.</summary>
    public static JsonObject Properties(SimulatedCall call) => new()
    {
        ["callConnectionId"] = call.CallConnectionId,
        ["serverCallId"] = call.ServerCallId,
        ["targets"] = new JsonArray(call.CallerIdentifier()),
        ["callConnectionState"] = call.State,
        ["callbackUri"] = call.CallbackUri,
        ["sourceCallerIdNumber"] = new JsonObject { ["value"] = call.Callee },
        ["source"] = call.CalleeIdentifier(),
        ["answeredBy"] = new JsonObject { ["rawId"] = "8:acs:simulator", ["communicationUser"] = new JsonObject { ["id"] = "8:acs:simulator" } },
        ["correlationId"] = call.CorrelationId,
    };
}
