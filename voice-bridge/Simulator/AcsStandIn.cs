using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ConversationHub.VoiceBridge.Simulator;

/// <summary>
/// The stand-in ACS's calls, media operations and SMS, in memory on this node (the embedded default runs one node; the
/// stand-in is not meant for scale-out). Operations answer like ACS and raise the events ACS would raise.
/// </summary>
internal sealed partial class AcsStandIn(AcsEventDelivery delivery, IOptions<AcsSimulatorOptions> options, TimeProvider time, IAcsStandInObserver? observer = null)
{
    private static readonly string[] ToneNames = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    private readonly ConcurrentDictionary<string, SimulatedCall> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedOperation> _operations = new();
    private readonly ConcurrentQueue<SentSms> _sms = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The first result of each Repeatability-Request-ID (SMS ids prefixed <c>sms:</c>): a repeat answers it again and does nothing.</summary>
    public ConcurrentDictionary<string, (int Status, string? Body)> Repeated { get; } = new(StringComparer.Ordinal);

    /// <summary>Every accepted REST operation, in order (tests and the driver read them).</summary>
    public IReadOnlyCollection<RecordedOperation> Operations => _operations;

    /// <summary>Every SMS accepted for sending, in order.</summary>
    public IReadOnlyCollection<SentSms> Sms => _sms;

    /// <summary>Completes at the next change of any call (a prompt heard, a state change): the driver's long poll.</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    public SimulatedCall? FindByDriverId(string id) => _calls.Values.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));

    public SimulatedCall? FindByConnectionId(string callConnectionId) => _calls.GetValueOrDefault(callConnectionId);

    public void Record(string name, string? callConnectionId, string body)
    {
        observer?.Requested(name, callConnectionId, body);
        _operations.Enqueue(new RecordedOperation(name, callConnectionId, body));
    }

    /// <summary>A caller dials a city number: the call rings and Event Grid announces it.</summary>
    public SimulatedCall Ring(string caller, string callee, Uri eventGridUrl)
    {
        var call = new SimulatedCall(caller, callee);
        _calls[call.CallConnectionId] = call;
        delivery.EnqueueEventGrid(eventGridUrl.ToString(), SimulatorJson.IncomingCall(call, options.Value.ResourceId, time.GetUtcNow()));
        Signal(call);
        return call;
    }

    public SimulatedCall? FindRinging(string incomingCallContext) =>
        _calls.Values.FirstOrDefault(c => string.Equals(c.IncomingCallContext, incomingCallContext, StringComparison.Ordinal));

    public void Answer(SimulatedCall call, string callbackUri, string? operationContext)
    {
        lock (call.Gate)
        {
            call.IncomingCallContext = null;
            call.CallbackUri = callbackUri;
            call.State = "connected";
        }

        Raise(call, null, ("CallConnected", operationContext, null, null),
            ("ParticipantsUpdated", null, null, Participants(call)));
    }

    /// <summary>
    /// An outbound call: it rings at the callee (state <c>connecting</c>) until the driver answers or declines it
    /// (<see cref="AnswerOutbound"/>, <see cref="DeclineOutbound"/>), or nobody has within
    /// <see cref="AcsSimulatorOptions.OutboundRingTimeout"/>: then CreateCallFailed 408 (no answer), as the PSTN gives up.
    /// </summary>
    public SimulatedCall Create(string source, string target, string callbackUri, string? operationContext)
    {
        var call = new SimulatedCall(target, source) { CallbackUri = callbackUri, State = "connecting", IncomingCallContext = null, Outbound = true, CreateContext = operationContext };
        _calls[call.CallConnectionId] = call;
        _ = RingOutAsync(call, options.Value.OutboundRingTimeout);
        Signal();
        return call;
    }

    /// <summary>The callee of an outbound call picks up; false when it no longer rings.</summary>
    public bool AnswerOutbound(SimulatedCall call)
    {
        lock (call.Gate)
        {
            if (!call.Outbound || call.State != "connecting")
            {
                return false;
            }

            call.State = "connected";
            call.RingTimer.Cancel();
        }

        Raise(call, null, ("CallConnected", call.CreateContext, null, null), ("ParticipantsUpdated", null, null, Participants(call)));
        return true;
    }

    /// <summary>The callee of an outbound call is busy (486) or declines it (603); false when it no longer rings.</summary>
    public bool DeclineOutbound(SimulatedCall call, bool busy) =>
        FailOutbound(call, busy ? Result(486, 0, "Busy here.") : Result(603, 0, "Declined."));

    private async Task RingOutAsync(SimulatedCall call, TimeSpan timeout)
    {
        try
        {
            await Task.Delay(timeout, time, call.RingTimer.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        FailOutbound(call, Result(408, 0, "The callee did not answer."));
    }

    private bool FailOutbound(SimulatedCall call, JsonObject result)
    {
        lock (call.Gate)
        {
            if (!call.Outbound || call.State != "connecting")
            {
                return false;
            }

            call.State = "disconnected";
            call.RingTimer.Cancel();
        }

        Raise(call, null, ("CreateCallFailed", call.CreateContext, result, null));
        return true;
    }

    /// <summary>Outbound calls still ringing at <paramref name="number"/> (the driver's "incoming" list).</summary>
    public IReadOnlyList<SimulatedCall> RingingAt(string number) =>
        [.. _calls.Values.Where(c => c.Outbound && c.State == "connecting" && string.Equals(c.Caller, number, StringComparison.Ordinal))];

    public void EndIncoming(SimulatedCall call, string state)
    {
        lock (call.Gate)
        {
            call.IncomingCallContext = null;
            call.State = state;
        }

        Signal(call);
    }

    /// <summary>Our side leaves or ends the call.</summary>
    public void Disconnect(SimulatedCall call, string? operationContext)
    {
        lock (call.Gate)
        {
            if (call.State == "disconnected")
            {
                return;
            }

            call.State = "disconnected";
            call.Recognize?.Timer.Cancel();
            call.Recognize = null;
        }

        Raise(call, null, ("CallDisconnected", operationContext, null, null));
    }

    /// <summary>
    /// Plays: text ends at once (the stand-in does not speak), SSML lasts as long as its pauses (<c>&lt;break time&gt;</c>),
    /// so a hold loop of pauses takes real time, as on ACS.
    /// </summary>
    public void Play(SimulatedCall call, JsonArray playSources, string? operationContext, string? operationCallbackUri)
    {
        var pauses = TimeSpan.Zero;
        PendingPlay? play = null;
        lock (call.Gate)
        {
            Hear(call, playSources, operationContext);
            pauses = SsmlPauses.Of(playSources);
            if (pauses > TimeSpan.Zero)
            {
                play = new PendingPlay(operationContext, operationCallbackUri, new CancellationTokenSource());
                call.Playing = play;
            }
        }

        if (play is null)
        {
            Raise(call, operationCallbackUri, ("PlayStarted", operationContext, Ok(0, "Action started."), null),
                ("PlayCompleted", operationContext, Ok(0, "Action completed successfully."), null));
            return;
        }

        Raise(call, operationCallbackUri, ("PlayStarted", operationContext, Ok(0, "Action started."), null));
        _ = FinishPlayAsync(call, play, pauses);
    }

    /// <summary>Invites a participant: they join at once, unless their raw id is in <see cref="Unreachable"/> (no answer).</summary>
    public void AddParticipant(SimulatedCall call, JsonObject invitee, string? operationContext, string? operationCallbackUri)
    {
        var rawId = SimulatorJson.RawId(invitee);
        if (Unreachable.ContainsKey(rawId))
        {
            Raise(call, operationCallbackUri, ("AddParticipantFailed", operationContext, SimulatorJson.Result(408, 5001, "The participant did not answer."),
                new JsonObject { ["participant"] = invitee.DeepClone() }));
            return;
        }

        JsonObject participants;
        lock (call.Gate)
        {
            call.Joined.Add((JsonObject)invitee.DeepClone());
            participants = Participants(call);
        }

        Raise(call, operationCallbackUri, ("AddParticipantSucceeded", operationContext, Ok(0, "The participant joined."), new JsonObject { ["participant"] = invitee.DeepClone() }),
            ("ParticipantsUpdated", null, null, participants));
    }

    /// <summary>Removes a participant who joined.</summary>
    public void RemoveParticipant(SimulatedCall call, JsonObject participant, string? operationContext, string? operationCallbackUri)
    {
        var rawId = SimulatorJson.RawId(participant);
        JsonObject participants;
        bool removed;
        lock (call.Gate)
        {
            removed = call.Joined.RemoveAll(j => SimulatorJson.RawId(j) == rawId) > 0;
            participants = Participants(call);
        }

        if (!removed)
        {
            Raise(call, operationCallbackUri, ("RemoveParticipantFailed", operationContext, Fail(8521, "The participant is not in the call."), new JsonObject { ["participant"] = participant.DeepClone() }));
            return;
        }

        Raise(call, operationCallbackUri, ("RemoveParticipantSucceeded", operationContext, Ok(0, "The participant was removed."), new JsonObject { ["participant"] = participant.DeepClone() }),
            ("ParticipantsUpdated", null, null, participants));
    }

    /// <summary>Raw ids of invitees who do not answer (tests set them).</summary>
    public ConcurrentDictionary<string, bool> Unreachable { get; } = new(StringComparer.Ordinal);

    private async Task FinishPlayAsync(SimulatedCall call, PendingPlay play, TimeSpan pauses)
    {
        try
        {
            await Task.Delay(pauses, time, play.Timer.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (call.Gate)
        {
            if (!ReferenceEquals(call.Playing, play) || call.State == "disconnected")
            {
                return;
            }

            call.Playing = null;
        }

        Raise(call, play.OperationCallbackUri, ("PlayCompleted", play.OperationContext, Ok(0, "Action completed successfully."), null));
    }

    public void StartRecognize(SimulatedCall call, PendingRecognize recognize, JsonArray prompts, TimeSpan initialSilence, TimeSpan interTone)
    {
        PendingRecognize? replaced;
        lock (call.Gate)
        {
            Hear(call, prompts, recognize.OperationContext);
            replaced = call.Recognize;
            call.Recognize = recognize;
        }

        // The prompt is heard now: wake the driver's long poll (no event is raised until the caller answers).
        Signal();
        if (replaced is not null)
        {
            replaced.Timer.Cancel();
            Raise(call, replaced.OperationCallbackUri, ("RecognizeCanceled", replaced.OperationContext, null, null));
        }
        else
        {
            // The prompt is heard and the recognize waits for the caller: a driver polling for prompts must wake.
            Signal(call);
        }

        _ = TimeOutAsync(call, recognize, initialSilence, interTone);
    }

    public void CancelMedia(SimulatedCall call)
    {
        PendingRecognize? pending;
        PendingPlay? playing;
        lock (call.Gate)
        {
            pending = call.Recognize;
            call.Recognize = null;
            playing = call.Playing;
            call.Playing = null;
        }

        if (playing is not null)
        {
            playing.Timer.Cancel();
            Raise(call, playing.OperationCallbackUri, ("PlayCanceled", playing.OperationContext, Ok(0, "Action canceled."), null));
        }

        if (pending is not null)
        {
            pending.Timer.Cancel();
            Raise(call, pending.OperationCallbackUri, ("RecognizeCanceled", pending.OperationContext, null, null));
        }
    }

    public void Transfer(SimulatedCall call, JsonObject target, string? operationContext, string? operationCallbackUri)
    {
        lock (call.Gate)
        {
            call.TransferTarget = target;
            call.State = "transferring";
            call.Recognize?.Timer.Cancel();
            call.Recognize = null;
        }

        var accepted = new JsonObject { ["transferTarget"] = target.DeepClone(), ["transferee"] = call.CallerIdentifier() };
        Raise(call, operationCallbackUri, ("CallTransferAccepted", operationContext, Ok(7015, "The transfer operation completed successfully."), accepted));
        lock (call.Gate)
        {
            call.State = "disconnected";
        }

        Raise(call, null, ("CallDisconnected", null, null, null));
    }

    /// <summary>The caller presses keys ("0"–"9", "*", "#", "A"–"D").</summary>
    public bool PressKeys(SimulatedCall call, string keys)
    {
        foreach (var key in keys)
        {
            if (ToneName(key) is not { } tone)
            {
                return false;
            }

            JsonObject? outcome = null;
            PendingRecognize? done = null;
            lock (call.Gate)
            {
                if (call.Recognize is not { } pending || pending.InputType == "speech")
                {
                    continue;
                }

                if (pending.Choices is { } choices)
                {
                    var choice = choices.OfType<JsonObject>().FirstOrDefault(c => string.Equals((string?)c["tone"], tone, StringComparison.Ordinal));
                    if (choice is null)
                    {
                        continue;
                    }

                    outcome = new JsonObject
                    {
                        ["recognitionType"] = "choices",
                        ["choiceResult"] = new JsonObject { ["label"] = (string?)choice["label"] },
                    };
                    done = pending;
                }
                else
                {
                    var stop = pending.StopTones.Contains(tone, StringComparer.Ordinal);
                    if (!stop)
                    {
                        pending.Tones.Add(tone);
                    }

                    if (stop || pending.Tones.Count >= pending.MaxTones)
                    {
                        outcome = new JsonObject
                        {
                            ["recognitionType"] = "dtmf",
                            ["dtmfResult"] = new JsonObject { ["tones"] = new JsonArray([.. pending.Tones.Select(t => (JsonNode?)t)]) },
                        };
                        done = pending;
                        done.Tones.Insert(0, stop ? "stop" : "max");
                    }
                    else
                    {
                        // Restart the wait for the next key: the inter-tone timeout now applies.
                        pending.Timer.Cancel();
                        pending.Timer = new CancellationTokenSource();
                        _ = TimeOutAsync(call, pending, TimeSpan.Zero, pending.InterTone);
                    }
                }

                if (done is not null)
                {
                    call.Recognize = null;
                }
            }

            if (done is not null && outcome is not null)
            {
                done.Timer.Cancel();
                var byStop = done.Tones.Count > 0 && done.Tones[0] == "stop";
                var result = done.Choices is not null ? Ok(8545, "Action completed, recognized choice.")
                    : byStop ? Ok(8514, "Action completed, stop tone detected.") : Ok(8531, "Action completed, max digits received.");
                Raise(call, done.OperationCallbackUri, ("RecognizeCompleted", done.OperationContext, result, outcome));
            }
        }

        return true;
    }

    /// <summary>The caller says something: completes a pending speech or choices recognize.</summary>
    public void Say(SimulatedCall call, string text)
    {
        PendingRecognize? pending;
        lock (call.Gate)
        {
            pending = call.Recognize;
            if (pending is null || pending.InputType == "dtmf")
            {
                return;
            }

            call.Recognize = null;
        }

        pending.Timer.Cancel();
        if (pending.Choices is { } choices)
        {
            var match = choices.OfType<JsonObject>().FirstOrDefault(c => (c["phrases"] as JsonArray ?? []).Any(p =>
                (string?)p is { Length: > 0 } phrase && text.Contains(phrase, StringComparison.Ordinal)));
            if (match is null)
            {
                // [inf] 8547: speech heard but no choice matched.
                Raise(call, pending.OperationCallbackUri, ("RecognizeFailed", pending.OperationContext, Fail(8547, "Action failed, no choice matched the speech."), null));
                return;
            }

            Raise(call, pending.OperationCallbackUri, ("RecognizeCompleted", pending.OperationContext, Ok(8545, "Action completed, recognized choice."), new JsonObject
            {
                ["recognitionType"] = "choices",
                ["choiceResult"] = new JsonObject { ["label"] = (string?)match["label"], ["recognizedPhrase"] = text, ["confidence"] = 0.9 },
            }));
            return;
        }

        Raise(call, pending.OperationCallbackUri, ("RecognizeCompleted", pending.OperationContext, Ok(8546, "Action completed, speech recognized."), new JsonObject
        {
            ["recognitionType"] = "speech",
            ["speechResult"] = new JsonObject { ["speech"] = text, ["confidence"] = 0.9 },
        }));
    }

    public void RecordSms(SentSms sms)
    {
        observer?.SmsAccepted(sms);
        _sms.Enqueue(sms);
        Signal();
    }

    private async Task TimeOutAsync(SimulatedCall call, PendingRecognize recognize, TimeSpan initialSilence, TimeSpan interTone)
    {
        recognize.InterTone = interTone;
        var wait = recognize.Tones.Count == 0 && initialSilence > TimeSpan.Zero ? initialSilence : interTone;
        try
        {
            await Task.Delay(wait, time, recognize.Timer.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (call.Gate)
        {
            if (!ReferenceEquals(call.Recognize, recognize))
            {
                return;
            }

            call.Recognize = null;
        }

        var result = recognize.Tones.Count == 0
            ? Fail(8510, "Action failed, initial silence timeout reached.")
            : Fail(8532, "Action failed, inter-digit silence timeout reached.");
        Raise(call, recognize.OperationCallbackUri, ("RecognizeFailed", recognize.OperationContext, result, null));
    }

    private static void Hear(SimulatedCall call, JsonArray sources, string? operationContext)
    {
        foreach (var source in sources.OfType<JsonObject>())
        {
            var kind = (string?)source["kind"] ?? "text";
            var content = kind switch
            {
                "ssml" => (string?)source["ssml"]?["ssmlText"],
                "file" => (string?)source["file"]?["uri"],
                _ => (string?)source["text"]?["text"],
            };
            call.Heard.Add(new HeardPrompt(call.Heard.Count + 1, kind, content ?? string.Empty, operationContext));
        }
    }

    private void Raise(SimulatedCall call, string? operationCallbackUri, params (string Name, string? Context, JsonObject? Result, JsonObject? Extra)[] events)
    {
        var now = time.GetUtcNow();
        var target = operationCallbackUri ?? call.CallbackUri;
        if (target is not null)
        {
            delivery.EnqueueCallbacks(target, [.. events.Select(e => SimulatorJson.CloudEvent(call, e.Name, e.Context, e.Result ?? Ok(0, "Success"), e.Extra, now))]);
        }

        Signal(call);
    }

    private void Signal(SimulatedCall call)
    {
        observer?.Changed(call);
        Signal();
    }

    private void Signal() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private static JsonObject Participants(SimulatedCall call) => new()
    {
        ["sequenceNumber"] = 1 + call.Joined.Count,
        ["participants"] = new JsonArray([.. new[] { call.CallerIdentifier(), call.CalleeIdentifier() }.Concat(call.Joined.Select(j => (JsonObject)j.DeepClone()))
            .Select(id => (JsonNode)new JsonObject { ["identifier"] = id, ["isMuted"] = false, ["isOnHold"] = false })]),
    };

    private static JsonObject Ok(int subCode, string message) => SimulatorJson.Result(200, subCode, message);

    private static JsonObject Result(int code, int subCode, string message) => SimulatorJson.Result(code, subCode, message);

    private static JsonObject Fail(int subCode, string message) => SimulatorJson.Result(400, subCode, message);

    internal static string? ToneName(char key) => key switch
    {
        >= '0' and <= '9' => ToneNames[key - '0'],
        '*' => "asterisk",
        '#' => "pound",
        >= 'A' and <= 'D' => char.ToLower(key, CultureInfo.InvariantCulture).ToString(),
        >= 'a' and <= 'd' => key.ToString(),
        _ => null,
    };
}

/// <summary>One accepted REST operation of the stand-in.</summary>
internal sealed record RecordedOperation(string Name, string? CallConnectionId, string Body);

/// <summary>One SMS accepted for sending.</summary>
internal sealed record SentSms(string MessageId, string From, string To, string Message, DateTimeOffset SentAt);
