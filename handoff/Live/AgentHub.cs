using ConversationHub.Core.Audit;
using ConversationHub.Core.Events;
using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Agents;
using ConversationHub.Handoff.Chats;
using ConversationHub.Handoff.Console;
using ConversationHub.Handoff.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Live;

/// <summary>
/// The consoles' real-time connection (<c>/hubs/agents</c>): operators and supervisors only. Methods act through
/// <see cref="ChatDesk"/> and read through <see cref="ConsoleReader"/>; each checks the caller's rights on the
/// conversation itself (its agent, or a supervisor). Pushes are small notices ("queueChanged", "offered", "activity",
/// "note"); the console then reads the state it shows, so a missed push costs a refresh, never a wrong screen.
/// </summary>
[Authorize(Roles = HubRoles.Operator + "," + HubRoles.Supervisor)]
internal sealed class AgentHub(
    ChatDesk desk,
    ConsoleReader reader,
    HandoffDbContext db,
    ChatWatchers watchers,
    IHubEvents events,
    IAuditLog audit,
    TimeProvider time) : Hub
{
    public const string Path = "/hubs/agents";
    public const string ConsoleGroup = "console";
    public const string SupervisorsGroup = "supervisors";

    public static string AgentGroup(Guid agentId) => "agent:" + agentId.ToString("N");

    public static string ChatGroup(Guid conversationId) => "chat:" + conversationId.ToString("N");

    private StaffUser Me => StaffUser.Of(Context.User) ?? throw new HubException("forbidden");

    public override async Task OnConnectedAsync()
    {
        var me = Me;
        watchers.Connected(Context.ConnectionId, me);
        var presence = await desk.PresenceAsync(me.Id, Context.ConnectionAborted);
        presence.DisconnectedAtUtc = null;
        db.Connections.Add(new AgentConnection(Context.ConnectionId, me.Id, events.NodeId, time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, ConsoleGroup);
        await Groups.AddToGroupAsync(Context.ConnectionId, AgentGroup(me.Id));
        if (me.IsSupervisor)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, SupervisorsGroup);
        }

        await events.PublishAsync(HandoffTopics.QueueChanged, "{}", Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        watchers.Disconnected(Context.ConnectionId);
        if (StaffUser.Of(Context.User) is { } me)
        {
            var now = time.GetUtcNow().UtcDateTime;
            await db.Connections.Where(c => c.ConnectionId == Context.ConnectionId).ExecuteDeleteAsync(CancellationToken.None);
            // The last console of the agent closed: the grace period starts (routing returns the chats after it).
            if (!await db.Connections.AnyAsync(c => c.AgentId == me.Id, CancellationToken.None))
            {
                await db.Agents.Where(a => a.AgentId == me.Id && a.DisconnectedAtUtc == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.DisconnectedAtUtc, now), CancellationToken.None);
            }

            await events.PublishAsync(HandoffTopics.QueueChanged, "{}", CancellationToken.None);
        }

        await base.OnDisconnectedAsync(exception);
    }

    public Task<ConsoleSnapshot> GetSnapshot() => reader.SnapshotAsync(Me, Context.ConnectionAborted);

    public Task<ChatResult> SetStatus(string status, string? reason) =>
        Enum.TryParse<AgentStatus>(status, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? desk.SetStatusAsync(Me, parsed, reason, Context.ConnectionAborted)
            : desk.SetStatusAsync(Me, (AgentStatus)(-1), reason, Context.ConnectionAborted);

    public Task<ChatResult> Accept(Guid conversationId) => desk.AcceptAsync(Me, conversationId, Context.ConnectionAborted);

    public Task<ChatResult> Decline(Guid conversationId) => desk.DeclineAsync(Me, conversationId, Context.ConnectionAborted);

    /// <summary>Opens a chat: its transcript, notes and history, and its live news from now on.</summary>
    public async Task<ChatView> OpenChat(Guid conversationId)
    {
        ChatView? view;
        try
        {
            view = await reader.ChatAsync(Me, conversationId, Context.ConnectionAborted);
        }
        catch (UnauthorizedAccessException)
        {
            throw new HubException("forbidden");
        }

        if (view is null)
        {
            throw new HubException("not_found");
        }

        var http = Context.GetHttpContext();
        await audit.AppendAsync(new AuditRecord(AuditActions.TranscriptViewed, Me.Id, Context.User?.Identity?.Name, "conversation:" + conversationId, FromAddress: http?.Connection.RemoteIpAddress?.ToString()), Context.ConnectionAborted);
        watchers.Watch(Context.ConnectionId, conversationId);
        await Groups.AddToGroupAsync(Context.ConnectionId, ChatGroup(conversationId));
        if (Me.IsSupervisor && !view.Mine && view.Owner == nameof(Core.Conversations.Domain.ConversationOwner.Agent))
        {
            // モニタリング: a supervisor reading another agent's live chat is on the record.
            db.Audit.Add(new Chats.HandoffAuditEntry(Me.Id, "monitor", conversationId, view.AgentId?.ToString(), time.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(Context.ConnectionAborted);
        }

        return view;
    }

    public async Task CloseView(Guid conversationId)
    {
        watchers.Unwatch(Context.ConnectionId, conversationId);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, ChatGroup(conversationId));
    }

    public async Task<IReadOnlyList<TranscriptItem>> ReadTranscript(Guid conversationId, long after) =>
        await reader.TranscriptAfterAsync(Me, conversationId, Math.Max(0, after), Context.ConnectionAborted) ?? throw new HubException("forbidden");

    public async Task<IReadOnlyList<NoteItem>> ReadNotes(Guid conversationId)
    {
        var (conversation, _) = await desk.ReadableAsync(Me, conversationId, Context.ConnectionAborted);
        return conversation is null ? throw new HubException("forbidden") : await reader.NotesAsync(Me, conversationId, Context.ConnectionAborted);
    }

    public Task<ChatResult> Send(Guid conversationId, string? text, string? clientId) => desk.SendAsync(Me, conversationId, text, clientId, Context.ConnectionAborted);

    public Task<ChatResult> Typing(Guid conversationId) => desk.TypingAsync(Me, conversationId, Context.ConnectionAborted);

    public Task<ChatResult> AddNote(Guid conversationId, string? text) => desk.AddNoteAsync(Me, conversationId, text, whisper: false, Context.ConnectionAborted);

    /// <summary>ささやき: a supervisor's message to the chat's agent only.</summary>
    public Task<ChatResult> Whisper(Guid conversationId, string? text) => desk.AddNoteAsync(Me, conversationId, text, whisper: true, Context.ConnectionAborted);

    /// <summary>Transfers to an agent, or with <paramref name="toSupervisor"/> to the supervisor on duty (二次対応).</summary>
    public async Task<ChatResult> Transfer(Guid conversationId, Guid? toAgentId, bool toSupervisor, string? note) =>
        toSupervisor
            ? await desk.TransferToSupervisorAsync(Me, conversationId, note, await reader.SupervisorIdsAsync(Context.ConnectionAborted), Context.ConnectionAborted)
            : await desk.TransferAsync(Me, conversationId, toAgentId ?? Guid.Empty, note, Context.ConnectionAborted);

    /// <summary>Transfers to a team: the queue's agents with the skill <paramref name="category"/>.</summary>
    public Task<ChatResult> TransferToTeam(Guid conversationId, string? category, string? note) =>
        desk.TransferToTeamAsync(Me, conversationId, category, note, Context.ConnectionAborted);

    public Task<ChatResult> Close(Guid conversationId, string? wrapUpCode) => desk.CloseAsync(Me, conversationId, wrapUpCode, Context.ConnectionAborted);

    /// <summary>Supervisors: give a queued chat to an agent, or move an agent's chat to another.</summary>
    public Task<ChatResult> Assign(Guid conversationId, Guid agentId) => desk.AssignAsync(Me, conversationId, agentId, Context.ConnectionAborted);

    /// <summary>Supervisors: the live figures, agents, chats and queue.</summary>
    public Task<SupervisorBoard> GetSupervisorBoard() =>
        Me.IsSupervisor ? reader.SupervisorBoardAsync(Me, Context.ConnectionAborted) : throw new HubException("forbidden");
}
