using System.Text.Json.Nodes;

namespace ConversationHub.VoiceBridge.Simulator;

/// <summary>The stand-in's state of one call. Guarded by its own lock; events leave through <see cref="AcsEventDelivery"/>.</summary>
internal sealed class SimulatedCall
{
    public SimulatedCall(string caller, string callee)
    {
        Caller = caller;
        Callee = callee;
    }

    public object Gate { get; } = new();

    /// <summary>The driver's id of the call (URL-safe).</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");

    public string CallConnectionId { get; } = Guid.NewGuid().ToString();

    public string ServerCallId { get; } = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public string CorrelationId { get; } = Guid.NewGuid().ToString();

    /// <summary>Single use: cleared once the call is answered, rejected or redirected.</summary>
    public string? IncomingCallContext { get; set; } = Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + "." + Guid.NewGuid().ToString("N");

    public string Caller { get; }

    public string Callee { get; }

    public string? CallbackUri { get; set; }

    /// <summary>ACS's callConnectionState values: connecting, connected, transferring, disconnected (and our ringing, rejected).</summary>
    public string State { get; set; } = "ringing";

    public List<HeardPrompt> Heard { get; } = [];

    public PendingRecognize? Recognize { get; set; }

    public JsonObject? TransferTarget { get; set; }

    /// <summary>Who was invited into the call and joined (agents, departments), in order; guarded by <see cref="Gate"/>.</summary>
    public List<JsonObject> Joined { get; } = [];

    /// <summary>A play that lasts (SSML with pauses): cancelled by CancelAllMediaOperations.</summary>
    public PendingPlay? Playing { get; set; }
    /// <summary>When the driver placed the call (its SMS are those sent since); the minimum for calls the driver did not place.</summary>
    public DateTimeOffset PlacedAt { get; set; } = DateTimeOffset.MinValue;

    /// <summary>
    /// Where the call went to a person: the transfer's target (ACS accepted a transfer), else the last participant who
    /// joined (an agent's or a department's phone); null when neither happened. Read under <see cref="Gate"/>.
    /// </summary>
    public string? TransferredTo =>
        (string?)TransferTarget?["phoneNumber"]?["value"] ?? (string?)TransferTarget?["rawId"]
        ?? (Joined.Count > 0 ? (string?)Joined[^1]["phoneNumber"]?["value"] ?? SimulatorJson.RawId(Joined[^1]) : null);

    /// <summary>What the pending recognize listens for (dtmf, speech, speechOrDtmf, choices); null when nothing listens.</summary>
    public string? Listening => Recognize?.InputType;

    /// <summary>The call's state, transfer and pending input, read together under <see cref="Gate"/>.</summary>
    public SimulatedCallStatus Status()
    {
        lock (Gate)
        {
            return new SimulatedCallStatus(State, TransferredTo, Listening);
        }
    }
    /// <summary>An outbound call (CreateCall): <see cref="Caller"/> is the callee dialled, <see cref="Callee"/> our line.</summary>
    public bool Outbound { get; init; }

    /// <summary>The create's operation context, echoed in CallConnected / CreateCallFailed.</summary>
    public string? CreateContext { get; init; }

    /// <summary>Stops an outbound call's ring timeout once it is answered or declined.</summary>
    public CancellationTokenSource RingTimer { get; } = new();

    public JsonObject CallerIdentifier() => SimulatorJson.Phone(Caller);

    public JsonObject CalleeIdentifier() => SimulatorJson.Phone(Callee);
}

/// <summary>What the caller's side sees of a call at one moment.</summary>
/// <param name="State">ringing, connecting, connected, transferring, disconnected or rejected.</param>
/// <param name="TransferredTo">Where ACS transferred the call (a phone number or raw id); null when it was not.</param>
/// <param name="Listening">What a pending recognize waits for (dtmf, speech, speechOrDtmf, choices); null when nothing does.</param>
internal sealed record SimulatedCallStatus(string State, string? TransferredTo, string? Listening);

/// <summary>One prompt the caller heard, in order.</summary>
/// <param name="Sequence">1, 2, … per call.</param>
/// <param name="Kind">text, ssml or file.</param>
/// <param name="Content">The text, the SSML or the file's URI.</param>
/// <param name="OperationContext">The operation's context, as given.</param>
internal sealed record HeardPrompt(int Sequence, string Kind, string Content, string? OperationContext);

/// <summary>A play that has not ended yet.</summary>
/// <param name="OperationContext">Its context.</param>
/// <param name="OperationCallbackUri">Its callback override.</param>
/// <param name="Timer">Cancelled when the play is.</param>
internal sealed record PendingPlay(string? OperationContext, string? OperationCallbackUri, CancellationTokenSource Timer);

/// <summary>A recognize that waits for the caller.</summary>
internal sealed class PendingRecognize
{
    public required string InputType { get; init; }

    public string? OperationContext { get; init; }

    public string? OperationCallbackUri { get; init; }

    public int MaxTones { get; init; } = 1;

    public IReadOnlyList<string> StopTones { get; init; } = [];

    public JsonArray? Choices { get; init; }

    public List<string> Tones { get; } = [];

    public CancellationTokenSource Timer { get; set; } = new();

    public TimeSpan InterTone { get; set; } = TimeSpan.FromSeconds(2);
}
