using System.Collections.Frozen;
using ConversationHub.VoiceBridge.Flows;
using ConversationHub.VoiceBridge.Persistence;

namespace ConversationHub.VoiceBridge.Calls;

/// <summary>
/// This node's copy of the city's phone lines (table <c>voice_lines</c>), so a ringing call is met without a database
/// round trip. <see cref="Lines.PhoneLinesSync"/> loads it after start and reloads it whenever a line changes on any node
/// (<see cref="Lines.PhoneLineTopics.Changed"/> over <c>IHubEvents</c>, PostgreSQL NOTIFY across nodes) or the event bus
/// reconnects. Until the first load, and for disabled lines, <see cref="Find"/> answers null: the call is not taken.
/// </summary>
internal sealed class PhoneLines
{
    /// <summary>The demo line seeded when configuration names none: the stand-in ACS's default city number.</summary>
    internal const string DemoNumber = "+81501234567";

    private volatile Snapshot _snapshot = new(FrozenDictionary<string, PhoneLine>.Empty, 0);

    /// <summary>How many times this node loaded the lines (0: not yet).</summary>
    public long Generation => _snapshot.Generation;

    /// <summary>The enabled line called at <paramref name="number"/> (E.164), or null.</summary>
    public PhoneLine? Find(string? number) =>
        !string.IsNullOrEmpty(number) && _snapshot.Lines.TryGetValue(number, out var line) ? line : null;

    /// <summary>Replaces the cached lines with the stored ones (disabled lines are left out).</summary>
    internal void Publish(IEnumerable<VoiceLine> stored)
    {
        var lines = stored.Where(l => l.Enabled).Select(ToPhoneLine).ToFrozenDictionary(l => l.Number, StringComparer.Ordinal);
        _snapshot = new Snapshot(lines, _snapshot.Generation + 1);
    }

    internal static PhoneLine ToPhoneLine(VoiceLine line) => new()
    {
        Number = line.Number,
        Name = line.Name,
        Greeting = line.Greeting,
        ServiceEndsOn = line.ServiceEndsOn,
        MaxQueueLength = line.MaxQueueLength,
        MaxWait = TimeSpan.FromSeconds(line.MaxWaitSeconds),
        // CallEntry forwards whenever the record carries a target: only while the switch is on.
        EmergencyForwardTo = line.EmergencyOn ? line.EmergencyForwardTo : null,
        Languages = LanguageTags(line.Languages),
    };

    internal static IReadOnlyList<string> LanguageTags(string languages) =>
        [.. languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private sealed record Snapshot(FrozenDictionary<string, PhoneLine> Lines, long Generation);
}
