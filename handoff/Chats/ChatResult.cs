namespace ConversationHub.Handoff.Chats;

/// <summary>Why an agent's action did not happen. The console shows the Japanese message; API callers get the code.</summary>
public enum ChatError
{
    /// <summary>Done.</summary>
    None,

    /// <summary>No such conversation.</summary>
    NotFound,

    /// <summary>The caller may not act on this conversation.</summary>
    Forbidden,

    /// <summary>Another agent took it first.</summary>
    AlreadyTaken,

    /// <summary>It is not waiting in the queue.</summary>
    NotQueued,

    /// <summary>It has ended.</summary>
    Ended,

    /// <summary>The agent has as many chats as allowed.</summary>
    Full,

    /// <summary>The agent is offline.</summary>
    Offline,

    /// <summary>Empty text.</summary>
    EmptyText,

    /// <summary>Text over the limit.</summary>
    TextTooLong,

    /// <summary>A wrap-up code not in the list.</summary>
    UnknownWrapUp,

    /// <summary>A presence status or reason not in the list.</summary>
    UnknownStatus,

    /// <summary>The transfer target cannot take it.</summary>
    TargetUnavailable,

    /// <summary>No supervisor can take it.</summary>
    NoSupervisor,

    /// <summary>Transfer to oneself.</summary>
    SameAgent,

    /// <summary>A call, and the agent has no phone to connect it to.</summary>
    NoPhone,
}

/// <summary>The outcome of an agent's action: <see cref="Ok"/>, or the error with its message for the console.</summary>
/// <param name="Error">Why not, or <see cref="ChatError.None"/>.</param>
/// <param name="Message">The Japanese message for the console (null when done).</param>
public sealed record ChatResult(ChatError Error, string? Message)
{
    /// <summary>Done.</summary>
    public static ChatResult Done { get; } = new(ChatError.None, null);

    /// <summary>Whether it was done.</summary>
    public bool Ok => Error == ChatError.None;

    /// <summary>The case made with the action (a call answered becomes a case), for the console to open.</summary>
    public Guid? CaseId { get; init; }

    /// <summary>Its readable number (<c>C-2026-000123</c>).</summary>
    public string? CaseNumber { get; init; }
}
