namespace ConversationHub.VoiceBridge.Persistence;

/// <summary>
/// One city phone line as administrators keep it (<c>/console/admin/phone-lines</c>): how its calls are met and its
/// emergency forward (代表電話の切替). Every node serves calls from a cached copy (<see cref="Calls.PhoneLines"/>) that is
/// reloaded when a line changes. <see cref="Version"/> makes two administrators' edits of one line conflict (409) instead
/// of the later silently overwriting the earlier.
/// </summary>
internal sealed class VoiceLine
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The number callers dial, E.164 (a city's number, not personal data); unique.</summary>
    public required string Number { get; init; }

    public required string Name { get; set; }

    /// <summary>Whether calls to the line are answered at all; a disabled line's calls are not taken.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Replaces the standard greeting when set (plain text, Japanese).</summary>
    public string? Greeting { get; set; }

    /// <summary>The last day of a time-limited service, JST; null: no end.</summary>
    public DateOnly? ServiceEndsOn { get; set; }

    public int MaxQueueLength { get; set; } = 10;

    /// <summary>Congestion when the estimated wait is above this many seconds.</summary>
    public int MaxWaitSeconds { get; set; } = 600;

    /// <summary>The language menu's languages, comma-separated BCP 47 primary tags (<c>ja,en</c>); the first is the default.</summary>
    public string Languages { get; set; } = "ja";

    /// <summary>Where calls are forwarded while <see cref="EmergencyOn"/> (E.164); kept when switched off, ready for next time.</summary>
    public string? EmergencyForwardTo { get; set; }

    /// <summary>Whether every call is forwarded to <see cref="EmergencyForwardTo"/> at once.</summary>
    public bool EmergencyOn { get; set; }

    /// <summary>The staff account that last switched the forward on or off; null: the configuration seed.</summary>
    public Guid? EmergencySwitchedBy { get; set; }

    public DateTime? EmergencySwitchedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Optimistic concurrency: raised by one on every change.</summary>
    public int Version { get; set; }
}
