namespace ConversationHub.VoiceBridge.Lines;

/// <summary>
/// A line as an administrator sends it (create, or replace all its settings). <see cref="Number"/> is read on create only
/// (a line's number never changes; remove it and add the new one). <see cref="Version"/> is the version the editor saw
/// (required on replace). <see cref="EmergencyForwardTo"/> is the prepared forward target; switching is
/// <see cref="EmergencySwitchRequest"/>'s job, so every switch is logged.
/// </summary>
internal sealed record PhoneLineRequest(
    string? Number,
    string? Name,
    bool? Enabled,
    string? Greeting,
    DateOnly? ServiceEndsOn,
    int? MaxQueueLength,
    int? MaxWaitSeconds,
    IReadOnlyList<string>? Languages,
    string? EmergencyForwardTo,
    int? Version);

/// <summary>Turns a line's emergency forward on (to <see cref="ForwardTo"/>, else the prepared target) or off, in one step.</summary>
internal sealed record EmergencySwitchRequest(bool On, string? ForwardTo, int? Version);

/// <summary>A line as the administrators' page shows it; <see cref="EmergencySwitchedBy"/> is the staff member's display name.</summary>
internal sealed record PhoneLineView(
    string Number,
    string Name,
    bool Enabled,
    string? Greeting,
    DateOnly? ServiceEndsOn,
    int MaxQueueLength,
    int MaxWaitSeconds,
    IReadOnlyList<string> Languages,
    string? EmergencyForwardTo,
    bool EmergencyOn,
    string? EmergencySwitchedBy,
    DateTimeOffset? EmergencySwitchedAt,
    DateTimeOffset UpdatedAt,
    int Version);

/// <summary>A line being forwarded now, for the consoles' banner.</summary>
internal sealed record EmergencyForwardView(string Number, string Name, string ForwardTo, DateTimeOffset? Since, string? SwitchedBy);

/// <summary>One entry of the switch's audit list, newest first.</summary>
internal sealed record LineSwitchView(string LineNumber, string? LineName, bool On, string? ForwardTo, string? SwitchedBy, DateTimeOffset SwitchedAt);
