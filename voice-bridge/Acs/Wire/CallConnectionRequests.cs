using System.Text.Json.Serialization;

namespace ConversationHub.VoiceBridge.Acs.Wire;

/// <summary>Answers an incoming call (<c>AnswerCallRequest</c>).</summary>
public sealed record AnswerCallRequest
{
    /// <summary>From the IncomingCall event; single use, short-lived.</summary>
    [JsonPropertyName("incomingCallContext")] public required string IncomingCallContext { get; init; }

    /// <summary>Where ACS posts this call's events.</summary>
    [JsonPropertyName("callbackUri")] public required string CallbackUri { get; init; }

    /// <summary>Echoed in the call's events.</summary>
    [JsonPropertyName("operationContext")] public string? OperationContext { get; init; }

    /// <summary>The Azure AI resource that speaks and listens (needed for text prompts and speech recognition).</summary>
    [JsonPropertyName("callIntelligenceOptions")] public CallIntelligenceOptions? CallIntelligenceOptions { get; init; }
}

/// <summary>The Azure AI resource connected to the call.</summary>
public sealed record CallIntelligenceOptions
{
    /// <summary>e.g. <c>https://name.cognitiveservices.azure.com/</c>.</summary>
    [JsonPropertyName("cognitiveServicesEndpoint")] public string? CognitiveServicesEndpoint { get; init; }
}

/// <summary>Rejects an incoming call (<c>RejectCallRequest</c>).</summary>
public sealed record RejectCallRequest
{
    /// <summary>From the IncomingCall event.</summary>
    [JsonPropertyName("incomingCallContext")] public required string IncomingCallContext { get; init; }

    /// <summary><c>none</c>, <c>busy</c> or <c>forbidden</c>.</summary>
    [JsonPropertyName("callRejectReason")] public string? CallRejectReason { get; init; }
}

/// <summary>Places an outbound call (<c>CreateCallRequest</c>).</summary>
public sealed record CreateCallRequest
{
    /// <summary>Whom to call.</summary>
    [JsonPropertyName("targets")] public required IReadOnlyList<CommunicationIdentifierModel> Targets { get; init; }

    /// <summary>Where ACS posts this call's events.</summary>
    [JsonPropertyName("callbackUri")] public required string CallbackUri { get; init; }

    /// <summary>Our number shown to a PSTN callee (required to call a phone).</summary>
    [JsonPropertyName("sourceCallerIdNumber")] public PhoneNumberIdentifierModel? SourceCallerIdNumber { get; init; }

    /// <summary>The display name shown to a PSTN callee.</summary>
    [JsonPropertyName("sourceDisplayName")] public string? SourceDisplayName { get; init; }

    /// <summary>Echoed in the call's events.</summary>
    [JsonPropertyName("operationContext")] public string? OperationContext { get; init; }

    /// <summary>The Azure AI resource connected to the call.</summary>
    [JsonPropertyName("callIntelligenceOptions")] public CallIntelligenceOptions? CallIntelligenceOptions { get; init; }
}

/// <summary>A call's properties as ACS returns them after answer or create (<c>CallConnectionProperties</c>).</summary>
public sealed record CallConnectionProperties
{
    /// <summary>Our leg's id: the key of every mid-call operation and event.</summary>
    [JsonPropertyName("callConnectionId")] public string? CallConnectionId { get; init; }

    /// <summary>The server call's id.</summary>
    [JsonPropertyName("serverCallId")] public string? ServerCallId { get; init; }

    /// <summary><c>connecting</c>, <c>connected</c>, …</summary>
    [JsonPropertyName("callConnectionState")] public string? CallConnectionState { get; init; }

    /// <summary>The call's correlation id.</summary>
    [JsonPropertyName("correlationId")] public string? CorrelationId { get; init; }
}

/// <summary>Transfers the call (<c>TransferToParticipantRequest</c>).</summary>
public sealed record TransferToParticipantRequest
{
    /// <summary>A PSTN number (an agent line, or a SIP trunk through Direct Routing) or an ACS user.</summary>
    [JsonPropertyName("targetParticipant")] public required CommunicationIdentifierModel TargetParticipant { get; init; }

    /// <summary>Echoed in CallTransferAccepted / CallTransferFailed.</summary>
    [JsonPropertyName("operationContext")] public string? OperationContext { get; init; }

    /// <summary>The participant transferred away (group calls only).</summary>
    [JsonPropertyName("transferee")] public CommunicationIdentifierModel? Transferee { get; init; }

    /// <summary>Overrides the callback URL for this operation's events.</summary>
    [JsonPropertyName("operationCallbackUri")] public string? OperationCallbackUri { get; init; }

    /// <summary>Our number shown to a PSTN target.</summary>
    [JsonPropertyName("sourceCallerIdNumber")] public PhoneNumberIdentifierModel? SourceCallerIdNumber { get; init; }
}

/// <summary>The answer to a transfer (<c>TransferCallResponse</c>).</summary>
public sealed record TransferCallResponse
{
    /// <summary>The operation context sent with the request.</summary>
    [JsonPropertyName("operationContext")] public string? OperationContext { get; init; }
}
