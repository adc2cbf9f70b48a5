namespace ConversationHub.Handoff.Chats;

/// <summary>What kind of staff-only text a note is. Stored as its name.</summary>
public enum ChatNoteKind
{
    /// <summary>An internal note on the conversation (内部メモ).</summary>
    Note,

    /// <summary>A supervisor's message to the agent only (ささやき).</summary>
    Whisper,

    /// <summary>The note a transfer carries, which the receiver sees first.</summary>
    Transfer,
}

/// <summary>
/// Staff-only text beside a conversation. Never in the transcript: the transcript is what the citizen's channel
/// reads back. The text is personal data and encrypted at rest.
/// </summary>
public sealed class ChatNote
{
    // For EF Core.
    private ChatNote()
    {
        Text = "";
    }

    /// <summary>Creates a note.</summary>
    public ChatNote(Guid conversationId, Guid authorId, ChatNoteKind kind, string text, DateTime nowUtc, Guid? toAgentId = null)
    {
        Id = Guid.CreateVersion7();
        ConversationId = conversationId;
        AuthorId = authorId;
        Kind = kind;
        Text = text;
        CreatedAtUtc = nowUtc;
        ToAgentId = toAgentId;
    }

    /// <summary>Surrogate key (time-ordered).</summary>
    public Guid Id { get; private set; }

    /// <summary>The conversation.</summary>
    public Guid ConversationId { get; private set; }

    /// <summary>Who wrote it.</summary>
    public Guid AuthorId { get; private set; }

    /// <summary>Note, whisper or transfer note.</summary>
    public ChatNoteKind Kind { get; private set; }

    /// <summary>The text (encrypted at rest).</summary>
    public string Text { get; private set; }

    /// <summary>For a whisper or a transfer note: the agent it is for.</summary>
    public Guid? ToAgentId { get; private set; }

    /// <summary>When (UTC).</summary>
    public DateTime CreatedAtUtc { get; private set; }
}
