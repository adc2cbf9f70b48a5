using System.Text.Json.Serialization;

namespace ConversationHub.VoiceBridge.Acs.Wire;

/// <summary>Invites someone into the call (<c>AddParticipantRequest</c>): our app stays in the call, unlike a transfer.</summary>
public sealed record AddParticipantRequest
{
    /// <summary>The phone number or ACS user to invite.</summary>
    [JsonPropertyName("participantToAdd")] public required CommunicationIdentifierModel ParticipantToAdd { get; init; }

    /// <summary>Our number shown to a PSTN invitee (required for PSTN).</summary>
    [JsonPropertyName("sourceCallerIdNumber")] public PhoneNumberIdentifierModel? SourceCallerIdNumber { get; init; }

    /// <summary>How long the invitee's phone rings before AddParticipantFailed (ACS allows up to 180 s).</summary>
    [JsonPropertyName("invitationTimeoutInSeconds")] public int? InvitationTimeoutInSeconds { get; init; }

    /// <summary>Echoed in AddParticipantSucceeded / AddParticipantFailed.</summary>
    [JsonPropertyName("operationContext")] public string? OperationContext { get; init; }

    /// <summary>Overrides the callback URL for this operation's events.</summary>
    [JsonPropertyName("operationCallbackUri")] public string? OperationCallbackUri { get; init; }
}

/// <summary>The answer to an invitation (<c>AddParticipantResponse</c>).</summary>
public sealed record AddParticipantResponse
{
    /// <summary>The operation context sent with the request.</summary>
    [JsonPropertyName("operationContext")] public string? OperationContext { get; init; }

    /// <summary>The invitation's id (to cancel it).</summary>
    [JsonPropertyName("invitationId")] public string? InvitationId { get; init; }
}

/// <summary>Removes someone from the call (<c>RemoveParticipantRequest</c>).</summary>
public sealed record RemoveParticipantRequest
{
    /// <summary>The participant to remove.</summary>
    [JsonPropertyName("participantToRemove")] public required CommunicationIdentifierModel ParticipantToRemove { get; init; }

    /// <summary>Echoed in RemoveParticipantSucceeded / RemoveParticipantFailed.</summary>
    [JsonPropertyName("operationContext")] public string? OperationContext { get; init; }
}
