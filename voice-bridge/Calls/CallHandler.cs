using System.Text.Json;
using System.Text.Json.Serialization;
using ConversationHub.Bot.Engine;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.ContactEvents.Services;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Logging;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Programs;
using ConversationHub.Core.Handoff;
using ConversationHub.Core.Security;
using ConversationHub.VoiceBridge.Acs;
using ConversationHub.VoiceBridge.Acs.Events;
using ConversationHub.VoiceBridge.Acs.Wire;
using ConversationHub.VoiceBridge.Flows;
using ConversationHub.VoiceBridge.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.VoiceBridge.Calls;

/// <summary>
/// Runs the voicebot on ACS: answers a call to a city line (a new conversation on channel voice), asks
/// <see cref="CallFlow"/> what to do on each event and carries its commands out (play, recognize, SMS, the queue, the
/// agent's and the department's phones, hang up). The flow's state and the call record are stored per call
/// (<see cref="VoiceCall"/>) and updated under its version, so a call's events may reach any node and two nodes never
/// both act on one step. Every prompt and everything the caller said or pressed goes to the transcript.
/// </summary>
internal sealed partial class CallHandler(
    VoiceDbContext db,
    IConversationStore conversations,
    IPiiProtector pii,
    IBusinessCalendar calendar,
    IHandoffDesk desk,
    AcsCallAutomationClient calls,
    AcsSmsClient sms,
    BotTurnRequests bot,
    VoiceAnswerWaits answerWaits,
    VoiceWorkQueue work,
    PhoneLines lines,
    IProgramDirectory programs,
    IContactEventRecorder contactEvents,
    IOptionsMonitor<VoiceOptions> options,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<CallHandler> logger) : IIncomingCallHandler, ICallEventHandler
{
    internal const string CallerPurpose = "voice.CallerNumber";

    private static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    // The FAQ site's city name (read by name: voice-bridge does not configure the FAQ site).
    private string CityName => configuration["FaqSite:CityName"] is { Length: > 0 } city ? city : "若葉台市";

    private string FaqSiteUrl => (configuration["FaqSite:PublicBaseUrl"] ?? options.CurrentValue.Acs.CallbackBaseUrl?.AbsoluteUri ?? "").TrimEnd('/');

    // What the caller did in this event (keys), written with the prompts that answer it once the state is stored.
    private readonly List<TranscriptActivity> _heard = [];

    // Contact events of the step being decided, stored with the call's state (see SaveAsync).
    private readonly List<ContactEvent> _contactEvents = [];

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task HandleAsync(IncomingCall incomingCall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incomingCall);
        Log.Incoming(logger, incomingCall.EventId, incomingCall.CorrelationId);
        var to = incomingCall.To?.PhoneNumber?.Value;
        var from = incomingCall.From?.PhoneNumber?.Value;
        if (lines.Find(to) is not { } line || string.IsNullOrEmpty(from))
        {
            Log.UnknownLine(logger);
            return;
        }

        var now = time.GetUtcNow();
        // A call to a program's number (施策) is the program's while it is in service: the call, its contact events and
        // its case carry the program.
        var program = await programs.FindByPhoneNumberAsync(line.Number, cancellationToken);
        var conversation = await conversations.StartAsync(
            ConversationChannel.Voice, pii.ComputeLookupHash(from, CallerPurpose), program is { InService: true } ? program.Id : null, cancellationToken);
        using var logScope = ConversationLogScope.Begin(logger, conversation.Id);
        var check = await desk.CheckAsync(ConversationChannel.Voice, null, now, cancellationToken);
        var entry = CallEntry.Decide(line, now, calendar, check);
        if (program is { HasEnded: true } && entry.Kind != CallEntryKind.Forward)
        {
            // After the program's end of service its number plays the program's own end message (see OnEventAsync).
            entry = new CallEntry(CallEntryKind.ServiceEnded, null, null, false, false);
        }

        var language = CallLanguage.Of(line.Languages.Count > 0 ? line.Languages[0] : null);
        var answered = await calls.AnswerAsync(new AnswerCallRequest
        {
            IncomingCallContext = incomingCall.IncomingCallContext,
            CallbackUri = options.CurrentValue.Acs.CallbackUri().AbsoluteUri,
            OperationContext = "answer",
        }, AcsRepeatability.For("answer:" + incomingCall.EventId, now), cancellationToken);
        if (answered?.CallConnectionId is not { Length: > 0 } connectionId)
        {
            Log.NoConnection(logger);
            return;
        }

        db.Calls.Add(new VoiceCall
        {
            CallConnectionId = connectionId,
            ConversationId = conversation.Id,
            CallerEncrypted = pii.Protect(from, CallerPurpose),
            LineNumber = line.Number,
            Language = language.Tag,
            FlowState = JsonSerializer.Serialize(new CallFlowState(CallStep.Ringing, 0, entry, null), StateJson),
            StartedAtUtc = now.UtcDateTime,
        });

        // The stored entry decides the greeting, so a congested entry is the congestion message (溢れ呼) played: it is
        // recorded with the call's row, once per call.
        IReadOnlyList<ContactEvent> congestion = entry.Congested
            ? [new("congestion:" + conversation.Id.ToString("N"), ContactEventKind.Congestion, ContactChannel.Voice, now.UtcDateTime) { ConversationId = conversation.Id, ProgramId = conversation.ProgramId }]
            : [];
        await contactEvents.SaveChangesWithAsync(db, congestion, cancellationToken);
    }

    public async Task HandleAsync(AcsCallEvent callEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callEvent);
        if (callEvent.CallConnectionId is not { Length: > 0 } connectionId)
        {
            return;
        }

        // The answer's row may still be on its way (CallConnected can overtake it); then another node's update may win.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            db.ChangeTracker.Clear();
            _heard.Clear();
            _contactEvents.Clear();
            var call = await db.Calls.FirstOrDefaultAsync(c => c.CallConnectionId == connectionId, cancellationToken);
            if (call is null)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * (attempt + 1)), time, cancellationToken);
                continue;
            }

            using var logScope = ConversationLogScope.Begin(logger, call.ConversationId);

            try
            {
                await OnEventAsync(call, callEvent, cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException)
            {
                Log.Conflict(logger);
            }
        }
    }

    /// <summary>
    /// The bot answered the caller's question (from <see cref="VoiceAnswerWorker"/>): the answer is applied off the sweep
    /// (<see cref="VoiceWorkDispatcher"/>, a few calls at a time), because each answer costs round trips (the call's state,
    /// the play, the SMS offer's prompt in the transcript, the recognize) and a sweep that applied them one after another
    /// kept the last of many callers waiting for all the others. Applying twice is harmless: the call's state is saved
    /// under its version before anything is played, and a flow no longer answering ignores an answer.
    /// </summary>
    public Task AnsweredAsync(Guid conversationId, string? markdown, string? faqId, CancellationToken cancellationToken)
    {
        answerWaits.Remove(conversationId);
        work.Enqueue(new ScopedVoiceWork("bot answer", (services, ct) => services.GetRequiredService<CallHandler>().ApplyAnswerAsync(conversationId, markdown, faqId, ct)));
        return Task.CompletedTask;
    }

    /// <summary>An agent took the call's conversation (the hub's AgentAssigned, heard on every node): connect the agent's phone.</summary>
    public Task AgentAssignedAsync(Guid conversationId, CancellationToken cancellationToken) =>
        OnCallAsync(conversationId, (call, flow) => ConnectAgentAsync(call, flow, cancellationToken), cancellationToken);

    /// <summary>
    /// The agent moves the call on to <paramref name="number"/> (本市内線電話に転送). False when the call is not with an
    /// agent now (not connected yet, already moving, or over).
    /// </summary>
    public async Task<bool> TransferToDepartmentAsync(Guid conversationId, Guid departmentId, string number, CancellationToken cancellationToken)
    {
        var started = false;
        // The call's program (施策) is the conversation's: the transfer counts in the program's reports.
        var programId = (await conversations.FindAsync(conversationId, cancellationToken))?.ProgramId;
        await OnCallAsync(conversationId, (call, flow) =>
        {
            var commands = flow.TransferToDepartment(number);
            started = commands.Count > 0;
            if (started)
            {
                call.Step("department");
                // Keyed by the call's version it moves from, and stored with that move: one transfer, once.
                _contactEvents.Add(new ContactEvent(
                    $"transferred:{conversationId:N}:department:{call.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
                    ContactEventKind.Transferred, ContactChannel.Voice, Now)
                {
                    ConversationId = conversationId,
                    ProgramId = programId,
                    DepartmentId = departmentId,
                });
            }

            return Task.FromResult(commands);
        }, cancellationToken);
        return started;
    }

    private async Task ApplyAnswerAsync(Guid conversationId, string? markdown, string? faqId, CancellationToken cancellationToken)
    {
        // A sweep (this node's, or another node's at the same moment) can see the bot's reply in two parts: the FAQ's
        // answer, then "did that help?". The second part names no FAQ, and applied beside the first it could overtake it
        // and read as "nothing found". The reply is written in one transaction, so the transcript tells.
        if (markdown is null && await ReplyNamedAnFaqAsync(conversationId, cancellationToken))
        {
            return;
        }

        await OnCallAsync(conversationId, (call, flow) =>
        {
            if (flow.Step == CallStep.Answering)
            {
                call.Step(faqId is null ? "no_answer" : "answer");
                if (faqId is not null)
                {
                    call.Answered(faqId);
                }
            }

            var faqUrl = faqId is null ? null : $"{FaqSiteUrl}/faq/{faqId}";
            return Task.FromResult(flow.Answered(markdown, faqUrl, flow.Language.DefaultVoice));
        }, cancellationToken);
    }

    // Runs `decide` on the conversation's call in progress and carries out its commands; again on a conflict.
    private async Task OnCallAsync(Guid conversationId, Func<VoiceCall, CallFlow, Task<IReadOnlyList<CallCommand>>> decide, CancellationToken cancellationToken)
    {
        using var logScope = ConversationLogScope.Begin(logger, conversationId);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            db.ChangeTracker.Clear();
            _heard.Clear();
            _contactEvents.Clear();
            var call = await db.Calls.Where(c => c.ConversationId == conversationId && c.EndedAtUtc == null).FirstOrDefaultAsync(cancellationToken);
            if (call is null)
            {
                return;
            }

            var flow = Restore(call);
            try
            {
                await ApplyAsync(call, flow, await decide(call, flow), cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException)
            {
                Log.Conflict(logger);
            }
        }
    }

    // Whether the bot's reply since the caller's last message names an FAQ.
    private async Task<bool> ReplyNamedAnFaqAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        var transcript = await conversations.ReadAsync(conversationId, 0, 1000, cancellationToken);
        for (var i = transcript.Count - 1; i >= 0 && !(transcript[i].Direction == ActivityDirection.Inbound && transcript[i].Type == "message"); i--)
        {
            if (transcript[i].Direction == ActivityDirection.Outbound && transcript[i].ActivityJson.Contains(ActivityChannelData.FaqId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private async Task OnEventAsync(VoiceCall call, AcsCallEvent e, CancellationToken cancellationToken)
    {
        var flow = Restore(call);
        IReadOnlyList<CallCommand> commands = [];
        switch (e.Kind)
        {
            case AcsCallEventKind.CallConnected when flow.Step == CallStep.Ringing:
                var line = lines.Find(call.LineNumber);
                var ended = flow.Entry.Kind == CallEntryKind.ServiceEnded
                    && await programs.FindByPhoneNumberAsync(call.LineNumber, cancellationToken) is { HasEnded: true } program
                    ? program.EndMessage + program.AfterEndGuidance
                    : null;
                commands = flow.Start(flow.Entry, line?.ServiceEndsOn, line?.Languages, line?.Greeting, ended);
                call.Step(flow.Entry.Kind.ToString().ToLowerInvariant());
                break;
            case AcsCallEventKind.RecognizeCompleted when e.Recognition is { } recognition:
                if (recognition.SpeechText is { Length: > 0 } speech)
                {
                    commands = flow.Heard(speech, recognition.Confidence ?? 0);
                    if (commands.OfType<AskBotCommand>().Any())
                    {
                        // The state first (a retry then finds the call answering and asks nothing twice), then the
                        // question as the bot's pending turn.
                        call.Step("ask");
                        call.Asked(speech, pii);
                        await SaveAsync(call, flow, cancellationToken);
                        var stored = await WriteAsync(call, ActivityDirection.Inbound, speech, TurnState.Pending, cancellationToken);
                        answerWaits.Add(call.ConversationId);
                        bot.RequestAnswer(call.ConversationId, stored.Sequence);
                        return;
                    }

                    _heard.Add(Message(call, ActivityDirection.Inbound, speech, TurnState.Done));
                    call.Step("not_understood");
                }
                else
                {
                    var keys = string.Concat(recognition.Tones.Select(Digit));
                    _heard.Add(Message(call, ActivityDirection.Inbound, keys, TurnState.Done, "dtmf"));
                    var before = flow.Step;
                    commands = flow.Pressed(keys);
                    call.Step(before == CallStep.Language ? "lang:" + flow.Language.Tag : "key:" + keys);
                    call.Language = flow.Language.Tag;
                }

                break;
            case AcsCallEventKind.RecognizeFailed:
                commands = flow.Silence();
                call.Step("silence");
                call.Language = flow.Language.Tag;
                break;
            case AcsCallEventKind.PlayCompleted when e.OperationContext is { } context:
                commands = flow.Said(context);
                if (commands.Count == 0)
                {
                    // Nothing follows this prompt: the call's state stays as it is (no write that could race the step
                    // that played it).
                    return;
                }

                break;
            case AcsCallEventKind.AddParticipantSucceeded:
                commands = flow.Joined(e.OperationContext);
                if (e.OperationContext == CallFlow.AgentContext && call.AgentJoinedAtUtc is null)
                {
                    call.AgentJoinedAtUtc = Now;
                    call.Step("agent");
                }
                else if (e.OperationContext == CallFlow.DepartmentContext && flow.Step == CallStep.WithDepartment)
                {
                    call.DepartmentNumber = flow.Department;
                    call.TransferredAtUtc = Now;
                    call.Step("transferred");
                }

                break;
            case AcsCallEventKind.AddParticipantFailed:
                commands = flow.NotJoined(e.OperationContext);
                call.Step((e.OperationContext ?? "participant") + "_unreachable");
                if (e.OperationContext == CallFlow.AgentContext)
                {
                    call.Outcome = CallOutcome.AgentUnreachable;
                }

                break;
            case AcsCallEventKind.CallTransferAccepted:
                call.Outcome ??= CallOutcome.Forwarded;
                break;
            case AcsCallEventKind.CallDisconnected when call.EndedAtUtc is null:
                await EndAsync(call, flow, cancellationToken);
                break;
            default:
                return;
        }

        await ApplyAsync(call, flow, commands, cancellationToken);
    }

    // The call is over: the record gets its outcome, and a caller who hung up in the queue leaves it (abandoned).
    private async Task EndAsync(VoiceCall call, CallFlow flow, CancellationToken cancellationToken)
    {
        var queued = flow.Step == CallStep.Queued;
        flow.HungUp();
        call.EndedAtUtc = Now;
        call.Step("end");
        call.Outcome ??= call.TransferredAtUtc is not null ? CallOutcome.Transferred
            : call.AgentJoinedAtUtc is not null ? CallOutcome.Answered
            : queued ? CallOutcome.Abandoned
            : flow.Entry.Kind switch
            {
                CallEntryKind.Closed => CallOutcome.Closed,
                CallEntryKind.ServiceEnded => CallOutcome.ServiceEnded,
                CallEntryKind.Forward => CallOutcome.Forwarded,
                _ => CallOutcome.SelfService,
            };
        if (queued && await conversations.FindAsync(call.ConversationId, cancellationToken) is { Owner: ConversationOwner.Queued } conversation)
        {
            conversation.Abandon(Now);
            try
            {
                await conversations.SaveAsync(conversation, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // An agent accepted at that moment: the agent sees a call that has ended and closes it.
                call.Outcome = CallOutcome.Abandoned;
            }
        }
    }

    private async Task SaveAsync(VoiceCall call, CallFlow flow, CancellationToken cancellationToken)
    {
        call.FlowState = JsonSerializer.Serialize(flow.Snapshot(), StateJson);
        call.Version++;
        await contactEvents.SaveChangesWithAsync(db, [.. _contactEvents], cancellationToken);
        _contactEvents.Clear();
    }

    private CallFlow Restore(VoiceCall call) =>
        CallFlow.Restore(JsonSerializer.Deserialize<CallFlowState>(call.FlowState, StateJson)!, CallLanguage.Of(call.Language), CityName, FaqSiteUrl, options.CurrentValue.ReservationSiteUrl?.AbsoluteUri);

    private static string Digit(string tone) => tone switch
    {
        "zero" => "0", "one" => "1", "two" => "2", "three" => "3", "four" => "4",
        "five" => "5", "six" => "6", "seven" => "7", "eight" => "8", "nine" => "9",
        "asterisk" => "*", "pound" => "#",
        _ => tone.Length == 1 ? tone : string.Empty,
    };

    private static partial class Log
    {
        [LoggerMessage(5, LogLevel.Information, "Incoming call {AcsEventId} (correlation {CorrelationId})")]
        public static partial void Incoming(ILogger logger, string acsEventId, string? correlationId);

        [LoggerMessage(1, LogLevel.Warning, "An incoming call to a number that is no city line (or without a caller number) was left to ring.")]
        public static partial void UnknownLine(ILogger logger);

        [LoggerMessage(2, LogLevel.Warning, "ACS answered without a call connection id.")]
        public static partial void NoConnection(ILogger logger);

        [LoggerMessage(3, LogLevel.Debug, "Another node moved the call first; the event is applied again.")]
        public static partial void Conflict(ILogger logger);

        [LoggerMessage(4, LogLevel.Warning, "An agent took a call but has no phone to connect it to; the call waits.")]
        public static partial void AgentWithoutPhone(ILogger logger);
    }
}
