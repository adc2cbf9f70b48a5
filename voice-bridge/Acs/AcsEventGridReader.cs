using System.Text.Json;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>
/// Reads what Event Grid posts to <c>/api/voice/events</c>, in either delivery schema: the Event Grid schema (validation
/// event or notifications, <see cref="EventGridEvent.ParseMany(BinaryData)"/>) and CloudEvents 1.0 (OPTIONS handshake
/// or notifications, <see cref="CloudEvent.ParseMany(BinaryData, bool)"/>).
/// </summary>
public static class AcsEventGridReader
{
    /// <summary>The Event Grid type of an incoming call.</summary>
    public const string IncomingCallType = "Microsoft.Communication.IncomingCall";

    /// <summary>The CloudEvents handshake: an OPTIONS request naming the sender's origin.</summary>
    public static AcsEventGridMessage ReadHandshake(string? webHookRequestOrigin) => new(null, webHookRequestOrigin ?? "*", []);

    /// <summary>Reads a POSTed body. Throws <see cref="FormatException"/> when it is neither schema.</summary>
    /// <param name="body">The exact body.</param>
    /// <param name="aegEventType">The <c>aeg-event-type</c> header (<c>SubscriptionValidation</c>, <c>Notification</c>), if any.</param>
    public static AcsEventGridMessage Read(BinaryData body, string? aegEventType)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return IsCloudEvents(body) ? ReadCloudEvents(body) : ReadEventGrid(body, aegEventType);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new FormatException("Not an Event Grid or CloudEvents delivery.", exception);
        }
    }

    private static bool IsCloudEvents(BinaryData body)
    {
        using var document = JsonDocument.Parse(body);
        var first = document.RootElement.ValueKind == JsonValueKind.Array && document.RootElement.GetArrayLength() > 0 ? document.RootElement[0] : document.RootElement;
        return first.ValueKind == JsonValueKind.Object && first.TryGetProperty("specversion", out _);
    }

    private static AcsEventGridMessage ReadEventGrid(BinaryData body, string? aegEventType)
    {
        var calls = new List<IncomingCall>();
        foreach (var e in EventGridEvent.ParseMany(body))
        {
            if (e.TryGetSystemEventData(out var data) && data is SubscriptionValidationEventData validation)
            {
                return new AcsEventGridMessage(validation.ValidationCode, null, []);
            }

            if (string.Equals(aegEventType, "SubscriptionValidation", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException("A validation delivery without a validation event.");
            }

            if (data is AcsIncomingCallEventData call)
            {
                calls.Add(ToIncomingCall(e.Id, call));
            }
        }

        return new AcsEventGridMessage(null, null, calls);
    }

    private static AcsEventGridMessage ReadCloudEvents(BinaryData body)
    {
        var calls = new List<IncomingCall>();
        foreach (var e in CloudEvent.ParseMany(body, skipValidation: true))
        {
            if (e.TryGetSystemEventData(out var data) && data is AcsIncomingCallEventData call)
            {
                calls.Add(ToIncomingCall(e.Id, call));
            }
        }

        return new AcsEventGridMessage(null, null, calls);
    }

    private static IncomingCall ToIncomingCall(string id, AcsIncomingCallEventData d) => new IncomingCall(id, Identifier(d.ToCommunicationIdentifier), Identifier(d.FromCommunicationIdentifier), d.IncomingCallContext, d.ServerCallId, d.CorrelationId, d.CallerDisplayName);

    private static Wire.CommunicationIdentifierModel? Identifier(Azure.Messaging.EventGrid.SystemEvents.CommunicationIdentifierModel? model) =>
        model is null ? null : new Wire.CommunicationIdentifierModel
        {
            Kind = model.PhoneNumber is not null ? "phoneNumber" : model.CommunicationUser is not null ? "communicationUser" : "unknown",
            RawId = model.RawId,
            PhoneNumber = model.PhoneNumber is null ? null : new Wire.PhoneNumberIdentifierModel { Value = model.PhoneNumber.Value },
            CommunicationUser = model.CommunicationUser is null ? null : new Wire.CommunicationUserIdentifierModel { Id = model.CommunicationUser.Id },
        };
}
