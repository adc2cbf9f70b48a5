using ConversationHub.VoiceBridge.Simulator;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>A caller on the stand-in: listens until what is awaited has been heard.</summary>
internal static class CallerScript
{
    public const string Caller = "+819055556666";
    public const string City = "+81501234567";

    /// <summary>Every prompt heard so far and more, until <paramref name="done"/> holds.</summary>
    public static async Task<List<HeardPrompt>> HearUntilAsync(SimulatedPhone phone, SimulatedCall call, Func<List<HeardPrompt>, bool> done, CancellationToken ct)
    {
        var heard = new List<HeardPrompt>();
        while (!done(heard))
        {
            ct.ThrowIfCancellationRequested();
            var more = await phone.HeardAsync(call, heard.Count == 0 ? 0 : heard[^1].Sequence, TimeSpan.FromSeconds(5), ct);
            heard.AddRange(more);
        }

        return heard;
    }

    /// <summary>Whether a prompt holding <paramref name="text"/> was heard.</summary>
    public static bool Heard(this List<HeardPrompt> heard, string text) => heard.Any(p => p.Content.Contains(text, StringComparison.Ordinal));
}
