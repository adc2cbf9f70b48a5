using System.Text.Json.Nodes;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.VoiceBridge.Acs;
using ConversationHub.VoiceBridge.Acs.Wire;
using ConversationHub.VoiceBridge.Flows;
using ConversationHub.VoiceBridge.Persistence;

namespace ConversationHub.VoiceBridge.Calls;

// Carrying out the flow's commands: on ACS (or the stand-in), in the transcript and in the call record.
internal sealed partial class CallHandler
{
    private async Task ApplyAsync(VoiceCall call, CallFlow flow, IReadOnlyList<CallCommand> commands, CancellationToken cancellationToken)
    {
        // Decide everything first (the queue's answers included), then store the state once: a conflict there means
        // another node or event moved the call, and nothing has been played or sent yet; the event is applied again.
        var actions = await ExpandAsync(call, flow, commands, cancellationToken);
        await SaveAsync(call, flow, cancellationToken);

        // Then the transcript, in one write: what was heard, and every prompt about to be played (the state is stored,
        // so a retry of this event will not write them twice).
        await WriteTranscriptAsync(call, actions, cancellationToken);
        var voice = flow.Language.DefaultVoice;
        foreach (var command in actions)
        {
            switch (command)
            {
                case SayCommand say:
                    await calls.PlayAsync(call.CallConnectionId, new PlayRequest
                    {
                        PlaySources = [say.Ssml is { } ssml ? PlaySource.FromSsml(ssml) : Text(say.Text, flow.Language, voice)],
                        OperationContext = say.Context,
                    }, cancellationToken);
                    break;
                case ListenCommand listen:
                    await calls.RecognizeAsync(call.CallConnectionId, new RecognizeRequest
                    {
                        RecognizeInputType = listen.Speech ? "speechOrDtmf" : "dtmf",
                        PlayPrompt = listen.Ssml is { } promptSsml ? PlaySource.FromSsml(promptSsml) : Text(listen.Prompt, flow.Language, voice),
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
                case SmsToSend send:
                    await SendSmsAsync(call, send, cancellationToken);
                    break;
                case ForwardCommand forward:
                    await calls.TransferToParticipantAsync(call.CallConnectionId, new TransferToParticipantRequest
                    {
                        TargetParticipant = CommunicationIdentifierModel.ForPhoneNumber(forward.To),
                        SourceCallerIdNumber = new PhoneNumberIdentifierModel { Value = call.LineNumber },
                        OperationContext = "forward",
                    }, AcsRepeatability.For("forward:" + call.CallConnectionId, time.GetUtcNow()), cancellationToken);
                    break;
                case HangUpCommand:
                    await calls.HangUpAsync(call.CallConnectionId, cancellationToken);
                    break;
                case CancelMediaCommand:
                    await calls.CancelAllMediaOperationsAsync(call.CallConnectionId, cancellationToken);
                    break;
                case ConnectCommand connect:
                    await calls.AddParticipantAsync(call.CallConnectionId, new AddParticipantRequest
                    {
                        ParticipantToAdd = Identifier(connect.Target),
                        SourceCallerIdNumber = connect.Target.StartsWith('+') ? new PhoneNumberIdentifierModel { Value = call.LineNumber } : null,
                        InvitationTimeoutInSeconds = 30,
                        OperationContext = connect.Context,
                    }, AcsRepeatability.For($"add:{call.CallConnectionId}:{connect.Context}:{connect.Target}", time.GetUtcNow()), cancellationToken);
                    break;
                case DisconnectCommand disconnect:
                    await calls.RemoveParticipantAsync(call.CallConnectionId, new RemoveParticipantRequest
                    {
                        ParticipantToRemove = Identifier(disconnect.Target),
                        OperationContext = disconnect.Context,
                    }, cancellationToken);
                    break;
            }
        }
    }

    // The commands that need the platform's answers first (the queue, the standing, the agent's phone) become the
    // commands they lead to; the call record notes what happens.
    private async Task<List<CallCommand>> ExpandAsync(VoiceCall call, CallFlow flow, IReadOnlyList<CallCommand> commands, CancellationToken cancellationToken)
    {
        var actions = new List<CallCommand>();
        foreach (var command in commands)
        {
            switch (command)
            {
                case QueueCommand:
                    // 2 = オペレーター: the conversation joins the same queue as the chats, and the caller hears the place.
                    var check = await desk.CheckAsync(ConversationChannel.Voice, null, time.GetUtcNow(), cancellationToken);
                    if (await EnsureQueuedAsync(call, flow, await conversations.FindAsync(call.ConversationId, cancellationToken), cancellationToken))
                    {
                        call.QueuedAtUtc ??= Now;
                        call.Step("queue");
                        actions.AddRange(flow.Waiting(check.Waiting + 1, check.EstimatedWait, options.CurrentValue.HoldPause));
                    }

                    break;
                case AnnounceStandingCommand:
                    actions.AddRange(await AnnounceStandingAsync(call, flow, cancellationToken));
                    break;
                case SendSmsCommand send:
                    // Counted with the state it was consented in; the key makes a retry of this step send nothing twice.
                    actions.Add(new SmsToSend(send, $"sms:{call.CallConnectionId}:{call.Version}"));
                    call.SmsSent++;
                    call.Step("sms");
                    break;
                default:
                    actions.Add(command);
                    break;
            }
        }

        return actions;
    }

    // True when the conversation is (now) waiting for an agent; also heals a call whose queueing was cut short.
    private async Task<bool> EnsureQueuedAsync(VoiceCall call, CallFlow flow, Conversation? conversation, CancellationToken cancellationToken)
    {
        if (conversation is null || !conversation.IsOpen)
        {
            return false;
        }

        if (conversation.Owner != ConversationOwner.Bot)
        {
            return true;
        }

        var initiate = new JsonObject
        {
            ["type"] = "event",
            ["name"] = "handoff.initiate",
            ["channelId"] = "voice",
            ["from"] = new JsonObject { ["id"] = "voicebot", ["role"] = "bot" },
            ["value"] = new JsonObject
            {
                ["reason"] = "user_request",
                ["conversationId"] = conversation.Id.ToString(),
                ["transcriptUntil"] = conversation.LastSequence,
                ["category"] = null,
                ["language"] = flow.Language.Tag,
            },
        };
        await conversations.AppendAsync(new TranscriptActivity(call.ConversationId, ActivityDirection.Outbound, "event", "bot", initiate.ToJsonString(), Now), cancellationToken);
        conversation = await conversations.FindAsync(call.ConversationId, cancellationToken);
        conversation!.RequestHandoff("user_request", Now);
        await conversations.SaveAsync(conversation, cancellationToken);
        return true;
    }

    // A pause ended in the queue: an agent may have taken the call meanwhile (a missed hub event), else the place again.
    private async Task<IReadOnlyList<CallCommand>> AnnounceStandingAsync(VoiceCall call, CallFlow flow, CancellationToken cancellationToken)
    {
        var conversation = await conversations.FindAsync(call.ConversationId, cancellationToken);
        if (conversation is { Owner: ConversationOwner.Agent })
        {
            return await ConnectAgentAsync(call, flow, cancellationToken);
        }

        if (!await EnsureQueuedAsync(call, flow, conversation, cancellationToken))
        {
            return [];
        }

        var standing = await desk.GetStandingAsync(call.ConversationId, cancellationToken);
        return flow.Waiting(standing?.Position, standing?.EstimatedWait, options.CurrentValue.HoldPause);
    }

    private async Task<IReadOnlyList<CallCommand>> ConnectAgentAsync(VoiceCall call, CallFlow flow, CancellationToken cancellationToken)
    {
        if (await conversations.FindAsync(call.ConversationId, cancellationToken) is not { Owner: ConversationOwner.Agent, AgentId: { } agentId })
        {
            return [];
        }

        if (await desk.GetAgentPhoneAsync(agentId, cancellationToken) is not { Length: > 0 } phone)
        {
            Log.AgentWithoutPhone(logger);
            return [];
        }

        if (flow.Step == CallStep.WithAgent && call.AgentId != agentId)
        {
            // The chat was handed to another agent (転送): the call follows it.
            var handover = flow.AgentChanged(phone);
            if (handover.Count > 0)
            {
                call.AgentId = agentId;
                call.Step("handover");
            }

            return handover;
        }

        var commands = flow.AgentAccepted(phone);
        if (commands.Count > 0)
        {
            call.AgentId = agentId;
            call.Step("accepted");
        }

        return commands;
    }

    private async Task SendSmsAsync(VoiceCall call, SmsToSend send, CancellationToken cancellationToken)
    {
        await sms.SendAsync(call.LineNumber, pii.Unprotect(call.CallerEncrypted, CallerPurpose), send.Sms.Text,
            AcsRepeatability.For(send.Key, time.GetUtcNow()), enableDeliveryReport: false, tag: send.Sms.Kind, cancellationToken);
    }

    // An SMS decided and counted, with its idempotency key.
    private sealed record SmsToSend(SendSmsCommand Sms, string Key) : CallCommand;

    // What was heard (buffered by the event) and what is about to be said, as transcript lines, in one append.
    private async Task WriteTranscriptAsync(VoiceCall call, IReadOnlyList<CallCommand> actions, CancellationToken cancellationToken)
    {
        var lines = new List<TranscriptActivity>(_heard);
        _heard.Clear();
        foreach (var action in actions)
        {
            switch (action)
            {
                // The bot's answer is already in the transcript, written by the bot.
                case SayCommand say when say.Context != "answer":
                    lines.Add(Message(call, ActivityDirection.Outbound, say.Text, null));
                    break;
                case ListenCommand listen:
                    lines.Add(Message(call, ActivityDirection.Outbound, listen.Prompt, null));
                    break;
                case SmsToSend send:
                    // The caller pressed the key of the SMS offer: their consent, recorded with what is sent.
                    lines.Add(Event(call, "voice.smsConsent", JsonValue.Create(send.Sms.Kind), ActivityDirection.Inbound));
                    lines.Add(Message(call, ActivityDirection.Outbound, send.Sms.Text, null, "sms"));
                    break;
                case ConnectCommand connect:
                    lines.Add(Event(call, "voice.connect", new JsonObject { ["to"] = connect.Context }, ActivityDirection.Outbound));
                    break;
            }
        }

        if (lines.Count > 0)
        {
            await conversations.AppendAsync(lines, cancellationToken);
        }
    }

    private Task<TranscriptActivity> WriteAsync(VoiceCall call, ActivityDirection direction, string text, TurnState? turn, CancellationToken cancellationToken) =>
        conversations.AppendAsync(Message(call, direction, text, turn), cancellationToken);

    private TranscriptActivity Message(VoiceCall call, ActivityDirection direction, string text, TurnState? turn, string medium = "voice")
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
        return new TranscriptActivity(call.ConversationId, direction, "message", inbound ? "user" : "bot", activity.ToJsonString(), Now)
        {
            Turn = turn,
            // Our own prompts are played, not sent by a sweep.
            Delivery = inbound ? DeliveryState.NotRequired : DeliveryState.Delivered,
        };
    }

    private TranscriptActivity Event(VoiceCall call, string name, JsonNode? value, ActivityDirection direction)
    {
        var inbound = direction == ActivityDirection.Inbound;
        var activity = new JsonObject
        {
            ["type"] = "event",
            ["name"] = name,
            ["value"] = value,
            ["channelId"] = "voice",
            ["from"] = new JsonObject { ["id"] = inbound ? "caller" : "voicebot", ["role"] = inbound ? "user" : "bot" },
        };
        return new TranscriptActivity(call.ConversationId, direction, "event", inbound ? "user" : "bot", activity.ToJsonString(), Now) { Turn = inbound ? TurnState.Done : null };
    }

    private static CommunicationIdentifierModel Identifier(string target) =>
        target.StartsWith("8:", StringComparison.Ordinal) ? CommunicationIdentifierModel.ForCommunicationUser(target) : CommunicationIdentifierModel.ForPhoneNumber(target);

    private static PlaySource Text(string text, CallLanguage language, string voice) =>
        new() { Kind = "text", Text = new TextSource { Text = text, SourceLocale = language.Culture.Name, VoiceName = voice } };
}
