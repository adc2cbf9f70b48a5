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

    /// <summary>An outbound call (CreateCall): <see cref="Caller"/> is the callee dialled, <see cref="Callee"/> our line.</summary>
    public bool Outbound { get; init; }

    /// <summary>The create's operation context, echoed in CallConnected / CreateCallFailed.</summary>
    public string? CreateContext { get; init; }

    /// <summary>Stops an outbound call's ring timeout once it is answered or declined.</summary>
    public CancellationTokenSource RingTimer { get; } = new();

    public JsonObject CallerIdentifier() => SimulatorJson.Phone(Caller);

    public JsonObject CalleeIdentifier() => SimulatorJson.Phone(Callee);
}

/// <summary>One prompt the caller heard, in order.</summary>
/// <param name="Sequence">1, 2, … per call.</param>
/// <param name="Kind">text, ssml or file.</param>
/// <param name="Content">The text, the SSML or the file's URI.</param>
/// <param name="OperationContext">The operation's context, as given.</param>
internal sealed record HeardPrompt(int Sequence, string Kind, string Content, string? OperationContext);

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
