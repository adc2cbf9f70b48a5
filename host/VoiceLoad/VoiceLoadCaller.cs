using ConversationHub.VoiceBridge.Simulator;

namespace ConversationHub.Host.VoiceLoad;

/// <summary>How one scripted load call ended.</summary>
internal enum VoiceLoadOutcome
{
    /// <summary>Every step heard as expected, the SMS received and the call over.</summary>
    Completed,

    /// <summary>The bot found no FAQ for the question (the menu came back): the call went on to its end without the SMS.</summary>
    NotAnswered,

    /// <summary>A step's prompt never came (or the call ended early): the call is lost.</summary>
    Lost,
}

/// <summary>
/// One caller of <c>voice load</c>, as <c>VoiceCallTests</c> calls: the menu, 1 (a question), a spoken FAQ question, the
/// bot's answer and the SMS offer, 1 (send it), the SMS and the menu again. Then half the callers hang up, and the other
/// half press a key the menu does not know three times, so the bot says goodbye and hangs up itself (that times the
/// goodbye's PlayCompleted → hang-up). The caller acts as soon as each prompt starts; only a missing prompt waits.
/// </summary>
internal sealed class VoiceLoadCaller(SimulatedPhone phone, CallTrace trace, TimeSpan stepTimeout)
{
    private SimulatedCall? _call;
    private int _heard;

    /// <summary>The step that did not come, for a lost call.</summary>
    public string? StuckAt { get; private set; }

    public async Task<VoiceLoadOutcome> RunAsync(string cityNumber, string question, bool endByGoodbye, CancellationToken cancellationToken)
    {
        _call = phone.PlaceCall(trace.Caller, cityNumber) ?? throw new InvalidOperationException($"{cityNumber} is not a city number of the stand-in.");
        if (!await HearAsync("menu", cancellationToken))
        {
            return Lost("greeting and menu");
        }

        phone.PressKeys(_call, "1");
        if (!await HearAsync("question", cancellationToken))
        {
            return Lost("question prompt after 1");
        }

        phone.Say(_call, question);
        var answered = await HearAnyAsync(["sms_offer", "menu"], cancellationToken);
        if (answered is null)
        {
            return Lost("answer and SMS offer");
        }

        var outcome = VoiceLoadOutcome.NotAnswered;
        if (answered == "sms_offer")
        {
            phone.PressKeys(_call, "1");
            if (!await HearAsync("menu", cancellationToken))
            {
                return Lost("SMS sent and menu");
            }

            outcome = trace.Sms > 0 ? VoiceLoadOutcome.Completed : VoiceLoadOutcome.NotAnswered;
        }

        // A caller whose question found no FAQ has used up one of the menu's tries: it hangs up.
        if (!endByGoodbye || outcome == VoiceLoadOutcome.NotAnswered)
        {
            phone.HangUp(_call);
            return outcome;
        }

        // Not understood once (asked again), twice (the keys menu), a third time: goodbye, and our side hangs up.
        for (var i = 0; i < 2; i++)
        {
            phone.PressKeys(_call, "5");
            if (!await HearAsync("menu", cancellationToken))
            {
                return Lost("menu after an unknown key");
            }
        }

        phone.PressKeys(_call, "5");
        if (!await HearAsync("goodbye", cancellationToken) || !await DisconnectedAsync(cancellationToken))
        {
            return Lost("goodbye and hang-up");
        }

        return outcome;
    }

    private VoiceLoadOutcome Lost(string step)
    {
        StuckAt = step;
        if (_call is { State: not "disconnected" } call)
        {
            phone.HangUp(call);
        }

        return VoiceLoadOutcome.Lost;
    }

    private async Task<bool> HearAsync(string context, CancellationToken cancellationToken) =>
        await HearAnyAsync([context], cancellationToken) is not null;

    // The next prompt (after those already heard) whose operation context is one of these; null when none comes.
    private async Task<string?> HearAnyAsync(string[] contexts, CancellationToken cancellationToken)
    {
        var call = _call!;
        var deadline = DateTimeOffset.UtcNow + stepTimeout;
        while (true)
        {
            var changed = trace.NextChange;
            lock (call.Gate)
            {
                foreach (var prompt in call.Heard)
                {
                    if (prompt.Sequence > _heard && contexts.Contains(prompt.OperationContext, StringComparer.Ordinal))
                    {
                        _heard = prompt.Sequence;
                        return prompt.OperationContext;
                    }
                }
            }

            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero || call.State == "disconnected")
            {
                return null;
            }

            try
            {
                await changed.WaitAsync(left, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Looked at once more above, then given up.
            }
        }
    }

    private async Task<bool> DisconnectedAsync(CancellationToken cancellationToken)
    {
        var call = _call!;
        var deadline = DateTimeOffset.UtcNow + stepTimeout;
        while (call.State != "disconnected")
        {
            var changed = trace.NextChange;
            if (call.State == "disconnected")
            {
                break;
            }

            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            try
            {
                await changed.WaitAsync(left, cancellationToken);
            }
            catch (TimeoutException)
            {
                return call.State == "disconnected";
            }
        }

        return true;
    }
}
