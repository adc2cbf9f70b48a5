namespace ConversationHub.Handoff.Console;

/// <summary>A code and its Japanese label (wrap-up codes, 離席 reasons).</summary>
public sealed record CodeLabel(string Code, string Label);

/// <summary>The signed-in agent as the console shows them.</summary>
public sealed record ConsoleMe(Guid Id, string Name, string Status, string? AwayReason, int MaxChats, bool IsSupervisor);

/// <summary>A waiting conversation in the queue list.</summary>
public sealed record QueueItem(
    Guid ConversationId, int Position, string Channel, string ChannelLabel, string? Category, string Reason, string Language,
    DateTime WaitingSinceUtc, int WaitedSeconds, string? FirstQuestion, Guid? OfferedTo, DateTime? OfferExpiresAtUtc, bool Requeued);

/// <summary>
/// One of the agent's open chats. <paramref name="CaseId"/> and <paramref name="CaseNumber"/> name the conversation's
/// case when it has one (a call answered always has; a chat has once 「案件化」 made one), else null.
/// </summary>
public sealed record ChatItem(
    Guid ConversationId, string Channel, string ChannelLabel, string? Category, DateTime? AnsweredAtUtc, long LastSequence, Guid? AgentId, string? AgentName,
    Guid? CaseId = null, string? CaseNumber = null);

/// <summary>A signed-in colleague (transfer targets, the supervisor's list).</summary>
public sealed record AgentItem(Guid Id, string Name, string Status, string StatusLabel, string? AwayReason, int Chats, int MaxChats, bool Connected, bool IsSupervisor, DateTime StatusSinceUtc);

/// <summary>Everything the chats console shows besides the open chat.</summary>
public sealed record ConsoleSnapshot(
    ConsoleMe Me, IReadOnlyList<QueueItem> Queue, int QueueLength, IReadOnlyList<ChatItem> Chats, IReadOnlyList<AgentItem> Agents,
    IReadOnlyList<CodeLabel> WrapUpCodes, IReadOnlyList<CodeLabel> AwayReasons, DateTime ServerTimeUtc, IReadOnlyList<string> Teams);

/// <summary>One transcript line for the console: the citizen's, the bot's or an agent's.</summary>
public sealed record TranscriptItem(
    long Sequence, string Role, string Type, string? Name, string? Text, DateTime TimestampUtc, IReadOnlyList<string> Choices,
    bool Clicked, IReadOnlyList<AttachmentItem> Attachments);

/// <summary>An attachment the citizen sent (a data URL or an address the console may open).</summary>
public sealed record AttachmentItem(string ContentType, string? Name, string? Url);

/// <summary>A staff-only note beside the chat.</summary>
public sealed record NoteItem(Guid Id, string Kind, Guid AuthorId, string AuthorName, string Text, DateTime CreatedAtUtc);

/// <summary>An earlier conversation of the same citizen on the same channel.</summary>
public sealed record HistoryItem(Guid ConversationId, DateTime CreatedAtUtc, string Owner, string? WrapUpCode);

/// <summary>
/// An open chat: who, what about, the transcript, notes and the citizen's earlier conversations, and its case (the first
/// one made from it) when it has one. On channel <c>Voice</c> the citizen is spoken to on the agent's phone, so the
/// console shows the transcript read-only and offers no composer. A conversation that came through a program's entry
/// names the program (施策), whose pages the console links to beside the chat or call. <paramref name="Language"/> is the
/// citizen's language (<c>ja</c>, <c>en</c>, <c>zh</c>, <c>ko</c>), which the header shows when it is not Japanese.
/// </summary>
public sealed record ChatView(
    Guid ConversationId, string Channel, string ChannelLabel, string Owner, Guid? AgentId, bool Mine, bool ReadOnly, string? Category,
    string? Reason, IReadOnlyList<TranscriptItem> Transcript, IReadOnlyList<NoteItem> Notes, IReadOnlyList<HistoryItem> History,
    Guid? CaseId = null, string? CaseNumber = null, string? ProgramCode = null, string? ProgramName = null, string Language = "ja");

/// <summary>The supervisor's live figures of today (Japan time).</summary>
public sealed record LiveFigures(
    int WaitingNow, int LongestWaitSeconds, int AgentsAvailable, int AgentsAway, int AgentsOffline, int ChatsNow,
    int OfferedToday, int AnsweredToday, int AbandonedToday, double? AnsweredWithinTargetShare, int TargetWaitSeconds,
    int? AverageHandlingSeconds, int? AverageWaitSeconds);

/// <summary>The supervisor view: figures, every agent, every live chat, the queue.</summary>
public sealed record SupervisorBoard(LiveFigures Figures, IReadOnlyList<AgentItem> Agents, IReadOnlyList<ChatItem> Chats, IReadOnlyList<QueueItem> Queue, DateTime ServerTimeUtc);
