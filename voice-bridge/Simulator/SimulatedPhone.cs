using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace ConversationHub.VoiceBridge.Simulator;

/// <summary>The caller's side of the stand-in: dials a city number, presses keys, speaks, hangs up, and hears prompts.</summary>
internal sealed class SimulatedPhone(AcsStandIn acs, IOptions<AcsSimulatorOptions> options, IServer server, TimeProvider time)
{
    /// <summary>The caller's number when the driver gives none: a fictitious mobile number (090-0000-0000 is never issued).</summary>
    public const string DefaultCallerNumber = "+819000000000";

    /// <summary>The city numbers the stand-in rings, in the configured order.</summary>
    public IReadOnlyList<string> CityNumbers => [.. options.Value.CityNumbers.Distinct(StringComparer.Ordinal)];

    /// <summary>Rings <paramref name="cityNumber"/> from <paramref name="callerNumber"/>; null when the number is not the city's.</summary>
    public SimulatedCall? PlaceCall(string callerNumber, string cityNumber)
    {
        if (!options.Value.CityNumbers.Contains(cityNumber, StringComparer.Ordinal))
        {
            return null;
        }

        var placedAt = time.GetUtcNow();
        var call = acs.Ring(callerNumber, cityNumber, EventGridUri());
        call.PlacedAt = placedAt;
        return call;
    }

    /// <summary>The text messages the city sent to this call's caller from the number called, since the call was placed.</summary>
    public IReadOnlyList<SentSms> SmsOf(SimulatedCall call) =>
        [.. acs.Sms.Where(s => s.SentAt >= call.PlacedAt
            && string.Equals(s.To, call.Caller, StringComparison.Ordinal)
            && string.Equals(s.From, call.Callee, StringComparison.Ordinal))];

    public SimulatedCall? Find(string id) => acs.FindByDriverId(id);

    public bool PressKeys(SimulatedCall call, string keys) => acs.PressKeys(call, keys);

    /// <summary>
    /// The caller speaks; false when nothing listens for speech now (no recognize pending, or one for keys only), so the
    /// words would be lost. A recognize that ends between the check and the words drops them, as ACS would.
    /// </summary>
    public bool Say(SimulatedCall call, string text)
    {
        if (call.Status().Listening is null or "dtmf")
        {
            return false;
        }

        acs.Say(call, text);
        return true;
    }

    public void HangUp(SimulatedCall call) => acs.Disconnect(call, null);

    /// <summary>Outbound calls (callbacks) ringing at <paramref name="number"/>.</summary>
    public IReadOnlyList<SimulatedCall> RingingAt(string number) => acs.RingingAt(number);

    /// <summary>Picks up an outbound call ringing here; false when it no longer rings.</summary>
    public bool Answer(SimulatedCall call) => acs.AnswerOutbound(call);

    /// <summary>Declines an outbound call ringing here (busy, or declined); false when it no longer rings.</summary>
    public bool Decline(SimulatedCall call, bool busy) => acs.DeclineOutbound(call, busy);

    /// <summary>The prompts after <paramref name="after"/>; waits up to <paramref name="wait"/> for one when there are none yet.</summary>
    public async Task<IReadOnlyList<HeardPrompt>> HeardAsync(SimulatedCall call, int after, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + (wait > options.Value.MaxPollWait ? options.Value.MaxPollWait : wait);
        while (true)
        {
            var changed = acs.Changed;
            List<HeardPrompt> heard;
            lock (call.Gate)
            {
                heard = [.. call.Heard.Where(p => p.Sequence > after)];
            }

            var left = deadline - DateTimeOffset.UtcNow;
            if (heard.Count > 0 || left <= TimeSpan.Zero || call.State == "disconnected")
            {
                return heard;
            }

            try
            {
                await changed.WaitAsync(left, cancellationToken);
            }
            catch (TimeoutException)
            {
                return heard;
            }
        }
    }

    private Uri EventGridUri()
    {
        var configured = options.Value.EventGridUrl;
        // On Unix "/api/…" parses as an absolute file URI: only http(s) counts as absolute here.
        if (Uri.TryCreate(configured, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute;
        }

        return new Uri(HostAddress.Of(server) ?? new Uri("http://127.0.0.1/"), configured);
    }
}
