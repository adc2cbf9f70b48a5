using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using ConversationHub.VoiceBridge.Simulator;

namespace ConversationHub.Host.VoiceLoad;

/// <summary>
/// What a <c>voice load</c> run saw, from inside the stand-in ACS (it is the stand-in's <see cref="IAcsStandInObserver"/>):
/// for each event that our side must answer with a request, when its post started and when it was acknowledged, and when
/// the next REST request for that call arrived; the operations requested per step (a repeat of the same operation,
/// context and prompt in one step is a duplicate play); the SMS accepted per caller (a second one is a duplicate).
/// </summary>
/// <remarks>
/// A step is what one answered event starts. Only events after which the flow always sends a request are timed:
/// IncomingCall (→ answer), CallConnected, RecognizeCompleted, RecognizeFailed and the goodbye's PlayCompleted
/// (→ hang up); the other events (PlayStarted, a PlayCompleted the flow only notes, ParticipantsUpdated, …) are not.
/// </remarks>
internal sealed class VoiceLoadMeasurements : IAcsStandInObserver
{
    public const string IncomingCall = "IncomingCall";
    public const string CallConnected = "CallConnected";
    public const string RecognizeDtmf = "RecognizeCompleted (dtmf)";
    public const string RecognizeSpeech = "RecognizeCompleted (speech, with the bot's turn)";
    public const string RecognizeFailed = "RecognizeFailed";
    public const string PlayCompleted = "PlayCompleted (goodbye)";

    private const string Prefix = "Microsoft.Communication.";

    private readonly ConcurrentDictionary<string, CallTrace> _byConnection = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CallTrace> _byCaller = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CallTrace> _byIncomingContext = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _smsRepeatIds = new(StringComparer.Ordinal);
    private int _smsRepeats;

    /// <summary>Starts following a call the driver is about to place from <paramref name="caller"/> (unique per call).</summary>
    public CallTrace Expect(string caller) => _byCaller.GetOrAdd(caller, c => new CallTrace(c));

    /// <summary>SMS requests whose Repeatability-Request-ID was seen before (answered by the stand-in without a second SMS).</summary>
    public int SmsRepeats => Volatile.Read(ref _smsRepeats);

    public IReadOnlyCollection<CallTrace> Calls => [.. _byCaller.Values];

    public void Posting(JsonNode events, bool eventGrid)
    {
        var now = Stopwatch.GetTimestamp();
        if (eventGrid)
        {
            foreach (var e in events.AsArray().OfType<JsonObject>())
            {
                if ((string?)e["eventType"] == Prefix + "IncomingCall" && (string?)e["data"]?["from"]?["phoneNumber"]?["value"] is { } caller
                    && _byCaller.TryGetValue(caller, out var trace) && (string?)e["data"]?["incomingCallContext"] is { } context)
                {
                    _byIncomingContext[context] = trace;
                    trace.Posting((string)e["id"]!, IncomingCall, now);
                }
            }

            return;
        }

        var data = events["data"];
        if ((string?)data?["callConnectionId"] is not { } connectionId || Kind(events, data) is not { } kind)
        {
            return;
        }

        if (_byConnection.TryGetValue(connectionId, out var call))
        {
            call.Posting((string)events["id"]!, kind, now);
        }
    }

    public void Posted(JsonNode events, bool eventGrid, bool acknowledged)
    {
        if (!acknowledged)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var first = eventGrid ? events.AsArray().FirstOrDefault() : events;
        if ((string?)first?["id"] is not { } id)
        {
            return;
        }

        var trace = eventGrid
            ? (string?)first["data"]?["incomingCallContext"] is { } context ? _byIncomingContext.GetValueOrDefault(context) : null
            : (string?)first["data"]?["callConnectionId"] is { } connectionId ? _byConnection.GetValueOrDefault(connectionId) : null;
        trace?.Acknowledged(id, now);
    }

    public void Requested(string operation, string? callConnectionId, string body)
    {
        var now = Stopwatch.GetTimestamp();
        var json = body.Length == 0 ? null : JsonNode.Parse(body);
        CallTrace? trace;
        if (operation == "answer")
        {
            trace = (string?)json?["incomingCallContext"] is { } context ? _byIncomingContext.GetValueOrDefault(context) : null;
            if (trace is not null && callConnectionId is not null)
            {
                trace.CallConnectionId = callConnectionId;
                _byConnection[callConnectionId] = trace;
            }
        }
        else if (operation == "sms")
        {
            var recipient = json?["smsRecipients"]?[0];
            trace = (string?)recipient?["to"] is { } to ? _byCaller.GetValueOrDefault(to) : null;
            if ((string?)recipient?["repeatabilityRequestId"] is { } repeatId && !_smsRepeatIds.TryAdd(repeatId, 0))
            {
                Interlocked.Increment(ref _smsRepeats);
            }
        }
        else
        {
            trace = callConnectionId is null ? null : _byConnection.GetValueOrDefault(callConnectionId);
        }

        trace?.Requested(operation, Describe(operation, json), now);
    }

    public void SmsAccepted(SentSms sms)
    {
        ArgumentNullException.ThrowIfNull(sms);
        if (_byCaller.TryGetValue(sms.To, out var trace))
        {
            trace.SmsAccepted();
        }
    }

    public void Changed(SimulatedCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (_byCaller.TryGetValue(call.Caller, out var trace))
        {
            trace.Signal();
        }
    }

    // The events after which our flow always sends a request (see the remarks); null for the others.
    private static string? Kind(JsonNode cloudEvent, JsonNode data) => (string?)cloudEvent["type"] switch
    {
        Prefix + "CallConnected" => CallConnected,
        Prefix + "RecognizeCompleted" => (string?)data["recognitionType"] == "speech" ? RecognizeSpeech : RecognizeDtmf,
        Prefix + "RecognizeFailed" => RecognizeFailed,
        Prefix + "PlayCompleted" when (string?)data["operationContext"] == "goodbye" => PlayCompleted,
        _ => null,
    };

    // What makes two requests the same effect: the operation, its context and what it says.
    private static string Describe(string operation, JsonNode? body)
    {
        var context = (string?)body?["operationContext"];
        var prompt = operation switch
        {
            "play" => body?["playSources"]?.ToJsonString(),
            "recognize" => body?["playPrompt"]?.ToJsonString(),
            "sms" => (string?)body?["message"],
            _ => null,
        };
        return $"{operation}|{context}|{prompt}";
    }
}

/// <summary>One load call as the stand-in saw it. Thread-safe: the delivery loop, request threads and the driver share it.</summary>
internal sealed class CallTrace(string caller)
{
    private readonly Lock _gate = new();
    private readonly List<EventTiming> _timings = [];
    private readonly HashSet<string> _stepRequests = new(StringComparer.Ordinal);
    private readonly HashSet<string> _posted = new(StringComparer.Ordinal);
    private EventTiming? _pending;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _duplicatePlays;
    private int _sms;
    private int _unanswered;

    public string Caller => caller;

    public string? CallConnectionId { get; set; }

    /// <summary>Completes at the call's next change (a prompt heard, a state change).</summary>
    public Task NextChange => Volatile.Read(ref _changed).Task;

    public int Sms => Volatile.Read(ref _sms);

    public int DuplicatePlays
    {
        get
        {
            lock (_gate)
            {
                return _duplicatePlays;
            }
        }
    }

    /// <summary>Timed events that another timed event followed before any request: our side never answered them.</summary>
    public int Unanswered
    {
        get
        {
            lock (_gate)
            {
                return _unanswered + (_pending is { RequestAt: null } ? 1 : 0);
            }
        }
    }

    public IReadOnlyList<EventTiming> Timings
    {
        get
        {
            lock (_gate)
            {
                return [.. _timings];
            }
        }
    }

    public void Signal() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    internal void Posting(string eventId, string kind, long now)
    {
        lock (_gate)
        {
            // A retried post of the same event keeps its first start.
            if (!_posted.Add(eventId))
            {
                return;
            }

            if (_pending is { RequestAt: null })
            {
                _unanswered++;
            }

            _pending = new EventTiming(eventId, kind, now);
            _timings.Add(_pending);
            _stepRequests.Clear();
        }
    }

    internal void Acknowledged(string eventId, long now)
    {
        lock (_gate)
        {
            // The request may already have arrived (our side works while the post is still being answered).
            var timing = _timings.FindLast(t => t.EventId == eventId);
            if (timing is not null && timing.AcknowledgedAt is null)
            {
                timing.AcknowledgedAt = now;
            }
        }
    }

    internal void Requested(string operation, string effect, long now)
    {
        lock (_gate)
        {
            if (_pending is { RequestAt: null } pending)
            {
                pending.RequestAt = now;
                pending.Operation = operation;
            }

            if (operation is "play" or "recognize" && !_stepRequests.Add(effect))
            {
                _duplicatePlays++;
            }
        }
    }

    internal void SmsAccepted() => Interlocked.Increment(ref _sms);
}

/// <summary>One timed event of a call, in <see cref="Stopwatch"/> ticks.</summary>
internal sealed class EventTiming(string eventId, string kind, long postedAt)
{
    public string EventId => eventId;

    public string Kind => kind;

    /// <summary>When the stand-in started to post the event (first attempt).</summary>
    public long PostedAt => postedAt;

    /// <summary>When our side's 2xx answer to the post came back.</summary>
    public long? AcknowledgedAt { get; set; }

    /// <summary>When the next REST request for the call arrived at the stand-in.</summary>
    public long? RequestAt { get; set; }

    public string? Operation { get; set; }

    public double? FromPostMs => RequestAt is { } at ? Stopwatch.GetElapsedTime(postedAt, at).TotalMilliseconds : null;

    /// <summary>From the acknowledgement; negative when the request overtook the acknowledgement.</summary>
    public double? FromAckMs => RequestAt is { } at && AcknowledgedAt is { } ack ? (at - ack) * 1000.0 / Stopwatch.Frequency : null;
}
