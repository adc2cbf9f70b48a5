namespace ConversationHub.VoiceBridge.Acs.Events;

/// <summary>The mid-call events the IVR acts on (<c>Microsoft.Communication.&lt;Kind&gt;</c>); anything else is <see cref="Unknown"/>.</summary>
public enum AcsCallEventKind
{
    /// <summary>A type this adapter does not model; kept (with its type name) so a new ACS event never breaks a call.</summary>
    Unknown,

    /// <summary>The call is connected.</summary>
    CallConnected,

    /// <summary>The call ended for our leg.</summary>
    CallDisconnected,

    /// <summary>A play finished.</summary>
    PlayCompleted,

    /// <summary>A play failed.</summary>
    PlayFailed,

    /// <summary>A play was cancelled.</summary>
    PlayCanceled,

    /// <summary>Input was recognized (see <see cref="AcsCallEvent.Recognition"/>).</summary>
    RecognizeCompleted,

    /// <summary>Recognition failed, e.g. a silence timeout (see <see cref="AcsCallEvent.ResultInformation"/>).</summary>
    RecognizeFailed,

    /// <summary>Recognition was cancelled.</summary>
    RecognizeCanceled,

    /// <summary>The transfer target took the call.</summary>
    CallTransferAccepted,

    /// <summary>The transfer failed.</summary>
    CallTransferFailed,

    /// <summary>The participant list changed.</summary>
    ParticipantsUpdated,

    /// <summary>An outbound call could not be placed.</summary>
    CreateCallFailed,

    /// <summary>An answer failed (e.g. the incoming call context expired).</summary>
    AnswerFailed,

    /// <summary>An invited participant joined (<c>participant</c>).</summary>
    AddParticipantSucceeded,

    /// <summary>An invitation failed: no answer, busy, declined (<c>participant</c>).</summary>
    AddParticipantFailed,

    /// <summary>A participant was removed (<c>participant</c>).</summary>
    RemoveParticipantSucceeded,

    /// <summary>Removing a participant failed.</summary>
    RemoveParticipantFailed,
}
