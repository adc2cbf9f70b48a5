using ConversationHub.VoiceBridge.Acs.Wire;

namespace ConversationHub.VoiceBridge.Acs.Events;

/// <summary>
/// One Call Automation callback (a CloudEvent). Events of one call may arrive twice (the endpoint dedupes by
/// <see cref="EventId"/>) and out of order (ordering is the flow's job: correlate by <see cref="CallConnectionId"/> and
/// <see cref="OperationContext"/>).
/// </summary>
public sealed record AcsCallEvent
{
    /// <summary>The CloudEvent id.</summary>
    public required string EventId { get; init; }

    /// <summary>The CloudEvent type, e.g. <c>Microsoft.Communication.PlayCompleted</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The modelled kind, or <see cref="AcsCallEventKind.Unknown"/>.</summary>
    public required AcsCallEventKind Kind { get; init; }

    /// <summary>When ACS raised it.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>Our leg's id.</summary>
    public string? CallConnectionId { get; init; }

    /// <summary>The server call's id.</summary>
    public string? ServerCallId { get; init; }

    /// <summary>The call's correlation id.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>What we sent with the operation.</summary>
    public string? OperationContext { get; init; }

    /// <summary>The outcome codes, when given.</summary>
    public AcsResultInformation? ResultInformation { get; init; }

    /// <summary>For RecognizeCompleted.</summary>
    public AcsRecognition? Recognition { get; init; }

    /// <summary>For CallTransferAccepted/Failed: the target.</summary>
    public CommunicationIdentifierModel? TransferTarget { get; init; }

    /// <summary>For CallTransferAccepted/Failed: who was transferred.</summary>
    public CommunicationIdentifierModel? Transferee { get; init; }

    /// <summary>The participant of Add/RemoveParticipant{Succeeded,Failed}.</summary>
    public CommunicationIdentifierModel? Participant { get; init; }

    /// <summary>For ParticipantsUpdated: everyone now in the call.</summary>
    public IReadOnlyList<CommunicationIdentifierModel> Participants { get; init; } = [];

    /// <summary>For ParticipantsUpdated: orders the updates of one call.</summary>
    public int? SequenceNumber { get; init; }

    /// <summary>For PlayFailed/RecognizeFailed: which play source failed.</summary>
    public int? FailedPlaySourceIndex { get; init; }
}
