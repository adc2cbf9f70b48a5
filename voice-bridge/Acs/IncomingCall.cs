using ConversationHub.VoiceBridge.Acs.Wire;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>An ACS <c>Microsoft.Communication.IncomingCall</c> event: what the IVR needs to answer or reject it.</summary>
/// <param name="EventId">Event Grid's event id (redeliveries repeat it).</param>
/// <param name="To">The number or user called.</param>
/// <param name="From">The caller (personal data: never log it).</param>
/// <param name="IncomingCallContext">The single-use, short-lived token for answer or reject.</param>
/// <param name="ServerCallId">The server call's id.</param>
/// <param name="CorrelationId">The call's correlation id.</param>
/// <param name="CallerDisplayName">The caller's display name (personal data), empty for most PSTN calls.</param>
public sealed record IncomingCall(
    string EventId,
    CommunicationIdentifierModel? To,
    CommunicationIdentifierModel? From,
    string IncomingCallContext,
    string? ServerCallId,
    string? CorrelationId,
    string? CallerDisplayName);
