namespace ConversationHub.Bot.Line.Inbox;

/// <summary>Where an inbox event stands. Stored as its name.</summary>
internal enum LineInboxState
{
    /// <summary>Stored, not yet processed (also after a crash).</summary>
    Pending,

    /// <summary>Processed.</summary>
    Done,

    /// <summary>Processing failed on every attempt; kept for inspection.</summary>
    Failed,
}
