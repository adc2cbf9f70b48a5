using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Events;
using ConversationHub.Handoff.Agents;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Queue;
using ConversationHub.Handoff.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Chats;

/// <summary>
/// What agents and supervisors do to conversations: accept, send, type, note, transfer, close, assign. Every change of
/// owner goes through core's conversation (optimistic concurrency on its version), so of two nodes accepting at once
/// exactly one wins and the other is told politely; every action is written to the audit trail.
/// </summary>
internal sealed class ChatDesk(
    IConversationStore store,
    HandoffDbContext db,
    QueueBoard board,
    CitizenNotices notices,
    IHubEvents events,
    IStringLocalizer<HandoffStrings> strings,
    IOptionsMonitor<HandoffOptions> options,
    CallCases callCases,
    Survey.SurveyFlow survey,
    TimeProvider time)
{
    public const int MaxMessageLength = 2000;
    public const int MaxNoteLength = 4000;

    /// <summary>The conversation's end reason when its agent closed it.</summary>
    public const string AgentClosedReason = "agent_closed";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The agent's presence row, made offline on first use.</summary>
    public async Task<AgentPresence> PresenceAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var presence = await db.Agents.FirstOrDefaultAsync(a => a.AgentId == agentId, cancellationToken);
        if (presence is not null)
        {
            return presence;
        }

        presence = new AgentPresence(agentId, Now);
        db.Agents.Add(presence);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two connections of one agent made it at once: use the one that was stored.
            db.Entry(presence).State = EntityState.Detached;
            presence = await db.Agents.FirstAsync(a => a.AgentId == agentId, cancellationToken);
        }

        return presence;
    }

    /// <summary>受付可, 離席 (with a reason from the list) or オフライン.</summary>
    public async Task<ChatResult> SetStatusAsync(StaffUser user, AgentStatus status, string? awayReason, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(status) || (status == AgentStatus.Away && (awayReason is null || !options.CurrentValue.EffectiveAwayReasons.Contains(awayReason))))
        {
            return Fail(ChatError.UnknownStatus);
        }

        var presence = await PresenceAsync(user.Id, cancellationToken);
        var now = Now;
        if (presence.Status != status || presence.AwayReason != awayReason)
        {
            if (status == AgentStatus.Available && presence.Status != AgentStatus.Available)
            {
                presence.IdleSinceUtc = now;
            }

            presence.Status = status;
            presence.AwayReason = status == AgentStatus.Away ? awayReason : null;
            presence.StatusSinceUtc = now;
        }

        if (status != AgentStatus.Available)
        {
            // Offers wait for nobody who is not taking work.
            await db.Offers.Where(o => o.AgentId == user.Id).CloseAsync(OfferState.Withdrawn, now, cancellationToken);
        }

        Audit(user.Id, "presence", Guid.Empty, status == AgentStatus.Away ? $"{status}:{awayReason}" : status.ToString());
        await db.SaveChangesAsync(cancellationToken);
        await PublishAsync(HandoffTopics.QueueChanged, cancellationToken);
        await PublishAsync(HandoffTopics.RouteNow, cancellationToken);
        return ChatResult.Done;
    }

    /// <summary>
    /// 応答: takes a queued conversation, offered to the agent or picked from the queue. The database decides: the
    /// conversation's version check lets exactly one of several concurrent accepts through.
    /// </summary>
    public async Task<ChatResult> AcceptAsync(StaffUser user, Guid conversationId, CancellationToken cancellationToken) =>
        await TakeAsync(user.Id, conversationId, user.Id, "accept", cancellationToken);

    /// <summary>A supervisor gives a queued conversation to an agent, or moves an agent's chat to another agent.</summary>
    public async Task<ChatResult> AssignAsync(StaffUser supervisor, Guid conversationId, Guid agentId, CancellationToken cancellationToken)
    {
        if (!supervisor.IsSupervisor)
        {
            return Fail(ChatError.Forbidden);
        }

        var conversation = await store.FindAsync(conversationId, cancellationToken);
        if (conversation is null)
        {
            return Fail(ChatError.NotFound);
        }

        return conversation.Owner == ConversationOwner.Agent
            ? await MoveAsync(supervisor, conversation, agentId, note: null, "reassign", enforceCapacity: false, cancellationToken)
            : await TakeAsync(agentId, conversationId, supervisor.Id, "assign", cancellationToken);
    }

    /// <summary>The agent declines an offer; routing offers it to the next agent.</summary>
    public async Task<ChatResult> DeclineAsync(StaffUser user, Guid conversationId, CancellationToken cancellationToken)
    {
        var now = Now;
        var declined = await db.Offers.Where(o => o.ConversationId == conversationId && o.AgentId == user.Id).CloseAsync(OfferState.Declined, now, cancellationToken);
        if (declined == 0)
        {
            return Fail(ChatError.NotQueued);
        }

        Audit(user.Id, "decline", conversationId, null);
        await db.SaveChangesAsync(cancellationToken);
        await PublishAsync(HandoffTopics.RouteNow, cancellationToken);
        await PublishAsync(HandoffTopics.QueueChanged, cancellationToken);
        return ChatResult.Done;
    }

    /// <summary>Whether the user may read the conversation: its agent, or any supervisor.</summary>
    public async Task<(Conversation? Conversation, ChatError Error)> ReadableAsync(StaffUser user, Guid conversationId, CancellationToken cancellationToken)
    {
        var conversation = await store.FindAsync(conversationId, cancellationToken);
        if (conversation is null)
        {
            return (null, ChatError.NotFound);
        }

        if (user.IsSupervisor || conversation.AgentId == user.Id)
        {
            return (conversation, ChatError.None);
        }

        // A queued conversation offered to this agent may be previewed before 応答.
        var offered = conversation.Owner == ConversationOwner.Queued
            && await db.Offers.AnyAsync(o => o.ConversationId == conversationId && o.AgentId == user.Id && o.State == OfferState.Open, cancellationToken);
        return offered ? (conversation, ChatError.None) : (null, ChatError.Forbidden);
    }

    /// <summary>Sends the agent's message to the citizen (transcript first; the channel delivers).</summary>
    public async Task<ChatResult> SendAsync(StaffUser user, Guid conversationId, string? text, string? clientId, CancellationToken cancellationToken)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Fail(ChatError.EmptyText);
        }

        if (trimmed.Length > MaxMessageLength)
        {
            return Fail(ChatError.TextTooLong, MaxMessageLength);
        }

        var (conversation, error) = await OwnedAsync(user, conversationId, cancellationToken);
        if (conversation is null)
        {
            return Fail(error);
        }

        await notices.AgentMessageAsync(conversationId, trimmed, clientId is { Length: > 0 and <= 64 } ? clientId : null, cancellationToken);
        return ChatResult.Done;
    }

    /// <summary>The agent is typing: web chat shows the typing indicator, LINE its loading animation.</summary>
    public async Task<ChatResult> TypingAsync(StaffUser user, Guid conversationId, CancellationToken cancellationToken)
    {
        var (conversation, error) = await OwnedAsync(user, conversationId, cancellationToken);
        if (conversation is null)
        {
            return Fail(error);
        }

        if (conversation.Channel == ConversationChannel.WebChat)
        {
            await notices.AgentTypingAsync(conversationId, cancellationToken);
        }
        else
        {
            await events.PublishAsync(ConversationEventTopics.AgentTyping, JsonSerializer.Serialize(new AgentTypingPayload(conversationId)), cancellationToken);
        }

        return ChatResult.Done;
    }

    /// <summary>An internal note (its agent or a supervisor), or a supervisor's ささやき to the agent only.</summary>
    public async Task<ChatResult> AddNoteAsync(StaffUser user, Guid conversationId, string? text, bool whisper, CancellationToken cancellationToken)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Fail(ChatError.EmptyText);
        }

        if (trimmed.Length > MaxNoteLength)
        {
            return Fail(ChatError.TextTooLong, MaxNoteLength);
        }

        if (whisper && !user.IsSupervisor)
        {
            return Fail(ChatError.Forbidden);
        }

        var (conversation, error) = await ReadableAsync(user, conversationId, cancellationToken);
        if (conversation is null)
        {
            return Fail(error);
        }

        var note = new ChatNote(conversationId, user.Id, whisper ? ChatNoteKind.Whisper : ChatNoteKind.Note, trimmed, Now, whisper ? conversation.AgentId : null);
        db.Notes.Add(note);
        Audit(user.Id, whisper ? "whisper" : "note", conversationId, null);
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(HandoffTopics.NoteAdded, JsonSerializer.Serialize(new NotePayload(conversationId, note.Id)), cancellationToken);
        return ChatResult.Done;
    }

    /// <summary>Transfers the chat to another agent (who must be signed in), with a note the receiver sees first.</summary>
    public async Task<ChatResult> TransferAsync(StaffUser user, Guid conversationId, Guid toAgentId, string? note, CancellationToken cancellationToken)
    {
        var (conversation, error) = await OwnedAsync(user, conversationId, cancellationToken);
        return conversation is null
            ? Fail(error)
            : await MoveAsync(user, conversation, toAgentId, note, "transfer", enforceCapacity: true, cancellationToken);
    }

    /// <summary>二次対応: transfers the chat to the signed-in supervisor idle longest.</summary>
    public async Task<ChatResult> TransferToSupervisorAsync(StaffUser user, Guid conversationId, string? note, IReadOnlyCollection<Guid> supervisorIds, CancellationToken cancellationToken)
    {
        var (conversation, error) = await OwnedAsync(user, conversationId, cancellationToken);
        if (conversation is null)
        {
            return Fail(error);
        }

        var connected = await board.ConnectedAgentsAsync(cancellationToken);
        var target = await db.Agents.AsNoTracking()
            .Where(a => supervisorIds.Contains(a.AgentId) && a.AgentId != user.Id && a.Status != AgentStatus.Offline)
            .OrderBy(a => a.Status == AgentStatus.Available ? 0 : 1).ThenBy(a => a.IdleSinceUtc)
            .Select(a => a.AgentId)
            .ToListAsync(cancellationToken);
        var supervisor = target.FirstOrDefault(connected.Contains);
        return supervisor == Guid.Empty
            ? Fail(ChatError.NoSupervisor)
            : await MoveAsync(user, conversation, supervisor, note, "transfer_supervisor", enforceCapacity: false, cancellationToken);
    }

    /// <summary>
    /// Transfers the chat to a team: back to the head of the queue for the agents with the skill
    /// <paramref name="category"/> (teams are skill groups), with a note the receiver sees first.
    /// </summary>
    public async Task<ChatResult> TransferToTeamAsync(StaffUser user, Guid conversationId, string? category, string? note, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(category) || category.Length > 200)
        {
            return Fail(ChatError.TargetUnavailable);
        }

        if (note is { Length: > MaxNoteLength })
        {
            return Fail(ChatError.TextTooLong, MaxNoteLength);
        }

        var (conversation, error) = await OwnedAsync(user, conversationId, cancellationToken);
        if (conversation is null)
        {
            return Fail(error);
        }

        var team = category.Trim();
        var connected = await board.ConnectedAgentsAsync(cancellationToken);
        var members = await db.Agents.AsNoTracking().Where(a => a.Status != AgentStatus.Offline && a.AgentId != user.Id).ToListAsync(cancellationToken);
        if (!members.Any(a => connected.Contains(a.AgentId) && !string.IsNullOrEmpty(a.Categories) && a.HasSkill(team, "ja")))
        {
            return Fail(ChatError.TargetUnavailable);
        }

        var now = Now;
        var agentId = conversation.AgentId!.Value;

        // The record's team first: the router may look at the queue the moment the conversation is queued again, and
        // must route it to the team, not by what it was about before. The one handing over counts as tried.
        var request = await db.Requests.FirstOrDefaultAsync(r => r.ConversationId == conversationId, cancellationToken);
        var previousCategory = request?.Category;
        if (request is not null)
        {
            request.Category = team;
            request.Priority = 1;
            request.WaitingSinceUtc = now;
            request.AnnouncedPosition = null;
        }

        db.Offers.Add(new HandoffOffer(conversationId, agentId, now, now) { State = OfferState.Declined, ClosedAtUtc = now });
        await db.SaveChangesAsync(cancellationToken);
        conversation.Requeue("transfer_team", now);
        if (!await TrySaveAsync(conversation, cancellationToken))
        {
            if (request is not null)
            {
                request.Category = previousCategory;
                await db.SaveChangesAsync(cancellationToken);
            }

            return Fail(ChatError.AlreadyTaken);
        }

        if (request is not null)
        {
            request.Outcome = HandoffOutcome.Waiting;
            request.Requeues++;
        }

        if (!string.IsNullOrWhiteSpace(note))
        {
            db.Notes.Add(new ChatNote(conversationId, user.Id, ChatNoteKind.Transfer, note.Trim(), now));
        }

        await MarkIdleIfFreeAsync(agentId, now, cancellationToken);
        Audit(user.Id, "transfer_team", conversationId, team);
        await db.SaveChangesAsync(cancellationToken);
        await notices.MessageAsync(conversationId, strings["Citizen_Transferred"], null, null, cancellationToken);
        await PublishAsync(HandoffTopics.RouteNow, cancellationToken);
        await PublishAsync(HandoffTopics.QueueChanged, cancellationToken);
        return ChatResult.Done;
    }

    /// <summary>A supervisor sets an agent's routing profile: concurrent chats, categories (teams), languages and the phone for calls.</summary>
    public async Task<ChatResult> SetProfileAsync(StaffUser supervisor, Guid agentId, int? maxChats, IReadOnlyList<string>? categories, IReadOnlyList<string>? languages, string? phoneTarget, CancellationToken cancellationToken)
    {
        if (!supervisor.IsSupervisor)
        {
            return Fail(ChatError.Forbidden);
        }

        await ApplyProfileAsync(supervisor.Id, agentId, maxChats, categories, languages, phoneTarget, cancellationToken);
        return ChatResult.Done;
    }

    /// <summary>
    /// Writes an agent's routing profile, checked by <see cref="AgentProfileRules"/> beforehand, on behalf of
    /// <paramref name="actorId"/> (a supervisor, or an administrator on the user page), and routes again.
    /// </summary>
    public async Task ApplyProfileAsync(Guid actorId, Guid agentId, int? maxChats, IReadOnlyList<string>? categories, IReadOnlyList<string>? languages, string? phoneTarget, CancellationToken cancellationToken)
    {
        var presence = await PresenceAsync(agentId, cancellationToken);
        presence.MaxChats = maxChats;
        presence.Categories = string.Join('|', (categories ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal));
        var langs = (languages ?? []).Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        presence.Languages = langs.Count == 0 ? "ja" : string.Join('|', langs);
        presence.PhoneTarget = string.IsNullOrWhiteSpace(phoneTarget) ? null : phoneTarget.Trim();
        Audit(actorId, "profile", Guid.Empty, agentId.ToString());
        await db.SaveChangesAsync(cancellationToken);
        await PublishAsync(HandoffTopics.RouteNow, cancellationToken);
    }

    /// <summary>Closes the chat with a wrap-up code; the citizen is offered the satisfaction survey.</summary>
    public async Task<ChatResult> CloseAsync(StaffUser user, Guid conversationId, string? wrapUpCode, CancellationToken cancellationToken)
    {
        if (wrapUpCode is null || !options.CurrentValue.EffectiveWrapUpCodes.Contains(wrapUpCode))
        {
            return Fail(ChatError.UnknownWrapUp);
        }

        var (conversation, error) = await OwnedAsync(user, conversationId, cancellationToken);
        if (conversation is null)
        {
            return Fail(error);
        }

        var now = Now;
        var agentId = conversation.AgentId!.Value;
        conversation.CloseByAgent(AgentClosedReason, now, now + options.CurrentValue.SurveyWindow, wrapUpCode);
        if (!await TrySaveAsync(conversation, cancellationToken))
        {
            return Fail(ChatError.Ended);
        }

        var request = await db.Requests.FirstOrDefaultAsync(r => r.ConversationId == conversationId, cancellationToken);
        if (request is not null)
        {
            request.Outcome = HandoffOutcome.Closed;
            request.EndedAtUtc = now;
            request.WrapUpCode = wrapUpCode;
        }

        await MarkIdleIfFreeAsync(agentId, now, cancellationToken);
        Audit(user.Id, "close", conversationId, wrapUpCode);
        await db.SaveChangesAsync(cancellationToken);

        // Every node learns the chat awaits a rating before the question goes out, so no answer is missed.
        await events.PublishAsync(HandoffTopics.SurveyAsked, JsonSerializer.Serialize(new SurveyPayload(conversationId, conversation.SurveyUntilUtc!.Value)), cancellationToken);
        await notices.StatusAsync(conversationId, "completed", null, cancellationToken);
        await notices.MessageAsync(conversationId, strings["Citizen_Closed"], null, "hub:closed", cancellationToken);
        await survey.OfferAsync(conversation, cancellationToken);
        await PublishAsync(HandoffTopics.QueueChanged, cancellationToken);
        await PublishAsync(HandoffTopics.RouteNow, cancellationToken);
        return ChatResult.Done;
    }

    /// <summary>
    /// Returns an agent's chats to the head of the queue (a lost console, past the grace period), history intact; the
    /// citizen is told. Returns how many went back.
    /// </summary>
    public async Task<int> RequeueChatsOfAsync(Guid agentId, string reason, CancellationToken cancellationToken)
    {
        var ids = await board.OpenChatIdsAsync(agentId, cancellationToken);
        var requeued = 0;
        foreach (var id in ids)
        {
            var conversation = await store.FindAsync(id, cancellationToken);
            if (conversation is not { Owner: ConversationOwner.Agent } || conversation.AgentId != agentId)
            {
                continue;
            }

            var now = Now;
            var request = await db.Requests.FirstOrDefaultAsync(r => r.ConversationId == id, cancellationToken);
            conversation.Requeue(reason, now);
            if (!await TrySaveAsync(conversation, cancellationToken))
            {
                continue;
            }

            if (request is not null)
            {
                request.ReturnToQueue(now);
                request.Requeues++;
            }

            Audit(null, "requeue", id, reason);
            await db.SaveChangesAsync(cancellationToken);
            await notices.StatusAsync(id, "queued", new JsonObject { ["requeued"] = true }, cancellationToken);
            await notices.MessageAsync(id, strings["Citizen_Requeued"], null, null, cancellationToken);
            requeued++;
        }

        if (requeued > 0)
        {
            await PublishAsync(HandoffTopics.QueueChanged, cancellationToken);
        }

        return requeued;
    }

    /// <summary>The five answers of the satisfaction question, best first.</summary>
    public static IReadOnlyList<string> SurveyChoices(IStringLocalizer<HandoffStrings> strings) =>
        [.. Enumerable.Range(1, 5).Reverse().Select(score => strings["Survey_" + score.ToString(CultureInfo.InvariantCulture)].Value)];

    // queued → agent for `agentId`, by `actorId` (the agent itself, or a supervisor assigning).
    private async Task<ChatResult> TakeAsync(Guid agentId, Guid conversationId, Guid actorId, string action, CancellationToken cancellationToken)
    {
        var conversation = await store.FindAsync(conversationId, cancellationToken);
        if (conversation is null)
        {
            return Fail(ChatError.NotFound);
        }

        if (conversation.Owner != ConversationOwner.Queued)
        {
            return conversation.Owner == ConversationOwner.Agent && conversation.AgentId == agentId ? ChatResult.Done
                : conversation.Owner == ConversationOwner.Agent ? Fail(ChatError.AlreadyTaken)
                : conversation.IsOpen ? Fail(ChatError.NotQueued) : Fail(ChatError.Ended);
        }

        var presence = await PresenceAsync(agentId, cancellationToken);
        if (conversation.Channel == ConversationChannel.Voice && !presence.TakesCalls)
        {
            return Fail(ChatError.NoPhone);
        }

        if (presence.Status == AgentStatus.Offline)
        {
            return Fail(actorId == agentId ? ChatError.Offline : ChatError.TargetUnavailable);
        }

        var max = presence.MaxChats ?? options.CurrentValue.MaxConcurrentChats;
        var chats = (await board.ChatsPerAgentAsync(cancellationToken)).GetValueOrDefault(agentId);
        if (actorId == agentId && chats >= max)
        {
            // An offer this agent cannot take goes to the next agent now rather than when it runs out.
            var declined = await db.Offers.Where(o => o.ConversationId == conversationId && o.AgentId == agentId).CloseAsync(OfferState.Declined, Now, cancellationToken);
            if (declined > 0)
            {
                await PublishAsync(HandoffTopics.RouteNow, cancellationToken);
            }

            return Fail(ChatError.Full, max);
        }

        var now = Now;
        var queuedAtUtc = conversation.UpdatedAtUtc;
        conversation.AssignAgent(agentId, now);
        if (!await TrySaveAsync(conversation, cancellationToken))
        {
            // Another node moved it first (accepted by another agent, or the citizen left).
            return Fail(ChatError.AlreadyTaken);
        }

        var request = await db.Requests.FirstOrDefaultAsync(r => r.ConversationId == conversationId, cancellationToken);
        if (request is null)
        {
            // Taken from the queue before the router made its record (picked or assigned at once): made here.
            request = new HandoffRequest(conversationId, conversation.Channel.ToString(), "user_request", null, "ja", queuedAtUtc) { ProgramId = conversation.ProgramId };
            db.Requests.Add(request);
        }

        request.MarkAnswered(agentId, now);

        await db.Offers.Where(o => o.ConversationId == conversationId && o.State == OfferState.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.State, o => o.AgentId == agentId ? OfferState.Accepted : OfferState.Withdrawn).SetProperty(o => o.ClosedAtUtc, now), cancellationToken);
        Audit(actorId, action, conversationId, actorId == agentId ? null : agentId.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.Entry(request).State == EntityState.Added)
        {
            // The router made the record at the same moment: mark that one answered instead.
            db.Entry(request).State = EntityState.Detached;
            await db.Requests.Where(r => r.ConversationId == conversationId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Outcome, HandoffOutcome.Answered).SetProperty(r => r.AnsweredAtUtc, now).SetProperty(r => r.AgentId, agentId), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await notices.StatusAsync(conversationId, "accepted", null, cancellationToken);
        if (conversation.Channel is not (ConversationChannel.Line or ConversationChannel.Voice))
        {
            // LINE's adapter tells its citizens itself when an agent joins (LineHandoffNotices); a caller hears the agent.
            await notices.MessageAsync(conversationId, strings["Citizen_AgentJoined"], null, "hub:joined:" + request?.Requeues, cancellationToken);
        }

        await PublishAsync(HandoffTopics.QueueChanged, cancellationToken);
        if (conversation.Channel == ConversationChannel.Voice)
        {
            // 受電 → 案件: a call answered by a person becomes a case at once, opened beside the call.
            var opened = await callCases.OpenAsync(agentId, conversationId, cancellationToken);
            return ChatResult.Done with { CaseId = opened?.Id, CaseNumber = opened?.Number };
        }

        return ChatResult.Done;
    }

    // agent → agent, with the note the receiver sees first.
    private async Task<ChatResult> MoveAsync(StaffUser actor, Conversation conversation, Guid toAgentId, string? note, string action, bool enforceCapacity, CancellationToken cancellationToken)
    {
        var fromAgent = conversation.AgentId;
        if (fromAgent == toAgentId)
        {
            return Fail(ChatError.SameAgent);
        }

        if (note is { Length: > MaxNoteLength })
        {
            return Fail(ChatError.TextTooLong, MaxNoteLength);
        }

        var target = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.AgentId == toAgentId, cancellationToken);
        var connected = await board.ConnectedAgentsAsync(cancellationToken);
        if (target is null || target.Status == AgentStatus.Offline || !connected.Contains(toAgentId))
        {
            return Fail(ChatError.TargetUnavailable);
        }

        if (enforceCapacity && (await board.ChatsPerAgentAsync(cancellationToken)).GetValueOrDefault(toAgentId) >= (target.MaxChats ?? options.CurrentValue.MaxConcurrentChats))
        {
            return Fail(ChatError.TargetUnavailable);
        }

        var now = Now;
        conversation.Transfer(toAgentId, now);
        if (!await TrySaveAsync(conversation, cancellationToken))
        {
            return Fail(ChatError.AlreadyTaken);
        }

        var request = await db.Requests.FirstOrDefaultAsync(r => r.ConversationId == conversation.Id, cancellationToken);
        if (request is not null)
        {
            request.AgentId = toAgentId;
        }

        if (!string.IsNullOrWhiteSpace(note))
        {
            db.Notes.Add(new ChatNote(conversation.Id, actor.Id, ChatNoteKind.Transfer, note.Trim(), now, toAgentId));
        }

        if (fromAgent is { } previous)
        {
            await MarkIdleIfFreeAsync(previous, now, cancellationToken);
        }

        Audit(actor.Id, action, conversation.Id, toAgentId.ToString());
        await db.SaveChangesAsync(cancellationToken);
        await notices.MessageAsync(conversation.Id, strings["Citizen_Transferred"], null, null, cancellationToken);
        await PublishAsync(HandoffTopics.QueueChanged, cancellationToken);
        return ChatResult.Done;
    }

    // The chat's agent may act on it (supervisors too, for a chat they own); closed or queued ones are refused.
    private async Task<(Conversation? Conversation, ChatError Error)> OwnedAsync(StaffUser user, Guid conversationId, CancellationToken cancellationToken)
    {
        var conversation = await store.FindAsync(conversationId, cancellationToken);
        if (conversation is null)
        {
            return (null, ChatError.NotFound);
        }

        if (conversation.AgentId != user.Id)
        {
            return (null, user.IsSupervisor && !conversation.IsOpen ? ChatError.Ended : ChatError.Forbidden);
        }

        return conversation.Owner == ConversationOwner.Agent ? (conversation, ChatError.None) : (null, conversation.IsOpen ? ChatError.Forbidden : ChatError.Ended);
    }

    private async Task MarkIdleIfFreeAsync(Guid agentId, DateTime now, CancellationToken cancellationToken)
    {
        if ((await board.ChatsPerAgentAsync(cancellationToken)).GetValueOrDefault(agentId) == 0)
        {
            var presence = await PresenceAsync(agentId, cancellationToken);
            presence.IdleSinceUtc = now;
        }
    }

    private async Task<bool> TrySaveAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        try
        {
            await store.SaveAsync(conversation, cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private void Audit(Guid? actorId, string action, Guid conversationId, string? detail) =>
        db.Audit.Add(new HandoffAuditEntry(actorId, action, conversationId, detail, Now));

    private Task PublishAsync(string topic, CancellationToken cancellationToken) => events.PublishAsync(topic, "{}", cancellationToken);

    private ChatResult Fail(ChatError error, params object[] arguments) =>
        new(error, strings["Result_" + error.ToString()].Value is var text && arguments.Length > 0 ? string.Format(CultureInfo.GetCultureInfo("ja-JP"), text, arguments) : text);
}
