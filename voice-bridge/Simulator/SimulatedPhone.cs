using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace ConversationHub.VoiceBridge.Simulator;

/// <summary>The caller's side of the stand-in: dials a city number, presses keys, speaks, hangs up, and hears prompts.</summary>
internal sealed class SimulatedPhone(AcsStandIn acs, IOptions<AcsSimulatorOptions> options, IServer server)
{
    /// <summary>Rings <paramref name="cityNumber"/> from <paramref name="callerNumber"/>; null when the number is not the city's.</summary>
    public SimulatedCall? PlaceCall(string callerNumber, string cityNumber)
    {
        if (!options.Value.CityNumbers.Contains(cityNumber, StringComparer.Ordinal))
        {
            return null;
        }

        return acs.Ring(callerNumber, cityNumber, EventGridUri());
    }

    public SimulatedCall? Find(string id) => acs.FindByDriverId(id);

    public bool PressKeys(SimulatedCall call, string keys) => acs.PressKeys(call, keys);

    public void Say(SimulatedCall call, string text) => acs.Say(call, text);

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
