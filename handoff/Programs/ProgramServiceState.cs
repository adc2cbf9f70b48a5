namespace ConversationHub.Handoff.Programs;

/// <summary>Where a program stands on a Japan day.</summary>
public enum ProgramServiceState
{
    /// <summary>Before its first day of service: its entries are not open yet.</summary>
    NotStarted,

    /// <summary>From its start to its last day of service.</summary>
    InService,

    /// <summary>After its last day of service: its line plays the end message, its forms are closed.</summary>
    Ended,

    /// <summary>Its personal data has been disposed of (廃棄); only counts remain.</summary>
    Disposed,
}
