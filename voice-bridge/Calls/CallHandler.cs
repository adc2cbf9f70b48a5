using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ConversationHub.Bot.Engine;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
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
/// <see cref="CallFlow"/> what to do on each event and carries its commands out (play, recognize, SMS, hang up, the bot).
/// The flow's state is stored per call (<see cref="VoiceCall"/>) and updated under its version, so a call's events may
/// reach any node. Every prompt and everything the caller said or pressed goes to the transcript. The operators' queue
/// (<see cref="QueueCommand"/>) is not wired yet: the call then stays in the flow's queued step.
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
        var conversation = await conversations.StartAsync(ConversationChannel.Voice, pii.ComputeLookupHash(from, CallerPurpose), cancellationToken);
        var check = await desk.CheckAsync(ConversationChannel.Voice, null, now, cancellationToken);
        var entry = CallEntry.Decide(line, now, calendar, check);
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
        await db.SaveChangesAsync(cancellationToken);
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
            var call = await db.Calls.FirstOrDefaultAsync(c => c.CallConnectionId == connectionId, cancellationToken);
            if (call is null)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * (attempt + 1)), time, cancellationToken);
                continue;
            }

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

    private async Task ApplyAnswerAsync(Guid conversationId, string? markdown, string? faqId, CancellationToken cancellationToken)
    {
        // A sweep (this node's, or another node's at the same moment) can see the bot's reply in two parts: the FAQ's
        // answer, then "did that help?". The second part names no FAQ, and applied beside the first it could overtake it
        // and read as "nothing found". The reply is written in one transaction, so the transcript tells.
        if (markdown is null && await ReplyNamedAnFaqAsync(conversationId, cancellationToken))
        {
            return;
        }

        for (var attempt = 0; attempt < 5; attempt++)
        {
            db.ChangeTracker.Clear();
            var call = await db.Calls.Where(c => c.ConversationId == conversationId && c.EndedAtUtc == null).FirstOrDefaultAsync(cancellationToken);
            if (call is null)
            {
                return;
            }

            var flow = Restore(call);
            var faqUrl = faqId is null ? null : $"{FaqSiteUrl}/faq/{faqId}";
            try
            {
                await ApplyAsync(call, flow, flow.Answered(markdown, faqUrl, flow.Language.DefaultVoice), cancellationToken);
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
                commands = flow.Start(flow.Entry, lines.Find(call.LineNumber)?.ServiceEndsOn);
                break;
            case AcsCallEventKind.RecognizeCompleted when e.Recognition is { } recognition:
                if (recognition.SpeechText is { Length: > 0 } speech)
                {
                    commands = flow.Heard(speech, recognition.Confidence ?? 0);
                    var asks = commands.OfType<AskBotCommand>().Any();
                    var stored = await WriteAsync(call, ActivityDirection.Inbound, speech, asks ? TurnState.Pending : TurnState.Done, cancellationToken);
                    if (asks)
                    {
                        await SaveAsync(call, flow, cancellationToken);
                        answerWaits.Add(call.ConversationId);
                        bot.RequestAnswer(call.ConversationId, stored.Sequence);
                        return;
                    }
                }
                else
                {
                    var keys = string.Concat(recognition.Tones.Select(Digit));
                    await WriteAsync(call, ActivityDirection.Inbound, keys, TurnState.Done, cancellationToken);
                    commands = flow.Pressed(keys);
                }

                break;
            case AcsCallEventKind.RecognizeFailed:
                commands = flow.Silence();
                break;
            case AcsCallEventKind.PlayCompleted when e.OperationContext is { } context:
                commands = flow.Said(context);
                break;
            case AcsCallEventKind.CallDisconnected:
                flow.HungUp();
                call.EndedAtUtc = time.GetUtcNow().UtcDateTime;
                break;
            default:
                return;
        }

        await ApplyAsync(call, flow, commands, cancellationToken);
    }

    private async Task ApplyAsync(VoiceCall call, CallFlow flow, IReadOnlyList<CallCommand> commands, CancellationToken cancellationToken)
    {
        // The state first: a conflict here means another node moved the call, and nothing has been played yet.
        await SaveAsync(call, flow, cancellationToken);
        var voice = flow.Language.DefaultVoice;
        foreach (var command in commands)
        {
            switch (command)
            {
                case SayCommand say:
                    if (say.Context != "answer")
                    {
                        // The bot's answer is already in the transcript, written by the bot.
                        await WriteAsync(call, ActivityDirection.Outbound, say.Text, null, cancellationToken);
                    }

                    await calls.PlayAsync(call.CallConnectionId, new PlayRequest
                    {
                        PlaySources = [say.Ssml is { } ssml ? PlaySource.FromSsml(ssml) : Text(say.Text, flow.Language, voice)],
                        OperationContext = say.Context,
                    }, cancellationToken);
                    break;
                case ListenCommand listen:
                    await WriteAsync(call, ActivityDirection.Outbound, listen.Prompt, null, cancellationToken);
                    await calls.RecognizeAsync(call.CallConnectionId, new RecognizeRequest
                    {
                        RecognizeInputType = listen.Speech ? "speechOrDtmf" : "dtmf",
                        PlayPrompt = Text(listen.Prompt, flow.Language, voice),
                        InterruptCallMediaOperation = false,
                        OperationContext = listen.Context,
                        RecognizeOptions = new RecognizeOptions
                        {
                            TargetParticipant = CommunicationIdentifierModel.ForPhoneNumber(pii.Unprotect(call.CallerEncrypted, CallerPurpose)),
                            InterruptPrompt = true,
                            InitialSilenceTimeoutInSeconds = 10,
                            SpeechLanguage = listen.Speech ? flow.Language.Culture.Name : null,
                            DtmfOptions = new DtmfOptions { MaxTonesToCollect = 1, InterToneTimeoutInSeconds = 5 },
                            SpeechOptions = listen.Speech ? new SpeechOptions { EndSilenceTimeoutInMs = 1000 } : null,
                        },
                    }, cancellationToken);
                    break;
                case SendSmsCommand send:
                    await SendSmsAsync(call, send, cancellationToken);
                    break;
                case ForwardCommand forward:
                    await calls.TransferToParticipantAsync(call.CallConnectionId, new TransferToParticipantRequest
                    {
                        TargetParticipant = CommunicationIdentifierModel.ForPhoneNumber(forward.To),
                        OperationContext = "forward",
                    }, AcsRepeatability.For("forward:" + call.CallConnectionId, time.GetUtcNow()), cancellationToken);
                    break;
                case HangUpCommand:
                    await calls.HangUpAsync(call.CallConnectionId, cancellationToken);
                    break;
                case QueueCommand:
                    // The transfer to the operators' queue is not built yet.
                    Log.QueueNotWired(logger);
                    break;
            }
        }
    }

    private async Task SendSmsAsync(VoiceCall call, SendSmsCommand send, CancellationToken cancellationToken)
    {
        // The caller pressed the key of the SMS offer: their consent, recorded in the transcript with what is sent.
        var now = time.GetUtcNow();
        var consent = new JsonObject { ["type"] = "event", ["name"] = "voice.smsConsent", ["value"] = send.Kind, ["channelId"] = "voice" };
        await conversations.AppendAsync(new TranscriptActivity(call.ConversationId, ActivityDirection.Inbound, "event", "user", consent.ToJsonString(), now.UtcDateTime) { Turn = TurnState.Done }, cancellationToken);
        await WriteAsync(call, ActivityDirection.Outbound, send.Text, null, cancellationToken, "sms");
        await sms.SendAsync(call.LineNumber, pii.Unprotect(call.CallerEncrypted, CallerPurpose), send.Text,
            AcsRepeatability.For($"sms:{call.CallConnectionId}:{call.Version}", now), enableDeliveryReport: false, tag: send.Kind, cancellationToken);
    }

    private async Task SaveAsync(VoiceCall call, CallFlow flow, CancellationToken cancellationToken)
    {
        call.FlowState = JsonSerializer.Serialize(flow.Snapshot(), StateJson);
        call.Version++;
        await db.SaveChangesAsync(cancellationToken);
    }

    private CallFlow Restore(VoiceCall call) =>
        CallFlow.Restore(JsonSerializer.Deserialize<CallFlowState>(call.FlowState, StateJson)!, CallLanguage.Of(call.Language), CityName, FaqSiteUrl);

    private Task<TranscriptActivity> WriteAsync(VoiceCall call, ActivityDirection direction, string text, TurnState? turn, CancellationToken cancellationToken, string medium = "voice")
    {
        var inbound = direction == ActivityDirection.Inbound;
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["textFormat"] = "plain",
            ["channelId"] = "voice",
            ["locale"] = CallLanguage.Of(call.Language).Culture.Name,
            ["from"] = new JsonObject { ["id"] = inbound ? "caller" : "voicebot", ["role"] = inbound ? "user" : "bot" },
            ["channelData"] = new JsonObject { ["voice"] = new JsonObject { ["medium"] = medium } },
        };
        return conversations.AppendAsync(new TranscriptActivity(call.ConversationId, direction, "message", inbound ? "user" : "bot", activity.ToJsonString(), time.GetUtcNow().UtcDateTime)
        {
            Turn = turn,
            // Our own prompts are played, not sent by a sweep.
            Delivery = inbound ? DeliveryState.NotRequired : DeliveryState.Delivered,
        }, cancellationToken);
    }

    private static PlaySource Text(string text, CallLanguage language, string voice) =>
        new() { Kind = "text", Text = new TextSource { Text = text, SourceLocale = language.Culture.Name, VoiceName = voice } };

    private static string Digit(string tone) => tone switch
    {
        "zero" => "0", "one" => "1", "two" => "2", "three" => "3", "four" => "4",
        "five" => "5", "six" => "6", "seven" => "7", "eight" => "8", "nine" => "9",
        "asterisk" => "*", "pound" => "#",
        _ => tone.Length == 1 ? tone : string.Empty,
    };

    private static partial class Log
    {
        [LoggerMessage(5, LogLevel.Information, "Incoming call {EventId} (correlation {CorrelationId})")]
        public static partial void Incoming(ILogger logger, string eventId, string? correlationId);

        [LoggerMessage(1, LogLevel.Warning, "An incoming call to a number that is no city line (or without a caller number) was left to ring.")]
        public static partial void UnknownLine(ILogger logger);

        [LoggerMessage(2, LogLevel.Warning, "ACS answered without a call connection id.")]
        public static partial void NoConnection(ILogger logger);

        [LoggerMessage(3, LogLevel.Debug, "Another node moved the call first; the event is applied again.")]
        public static partial void Conflict(ILogger logger);

        [LoggerMessage(4, LogLevel.Information, "The caller asked for an operator; the transfer to the queue is not wired yet.")]
        public static partial void QueueNotWired(ILogger logger);
    }
}
