using System.Collections.Concurrent;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Agents;
using ConversationHub.Handoff.Chats;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Queue;
using ConversationHub.Handoff.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Console;

/// <summary>Reads what the consoles show, from the database, for one staff member's rights.</summary>
internal sealed class ConsoleReader(
    HandoffDbContext db,
    HubDbContext hub,
    IConversationStore store,
    QueueBoard board,
    ChatDesk desk,
    FirstQuestions firstQuestions,
    IStringLocalizer<HandoffStrings> strings,
    IOptionsMonitor<HandoffOptions> options,
    TimeProvider time)
{
    /// <summary>Queue entries listed in full (with the first question); the length counts every one.</summary>
    public const int QueueListed = 50;

    private const int TranscriptMax = 500;

    public async Task<ConsoleSnapshot> SnapshotAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var presence = await desk.PresenceAsync(user.Id, cancellationToken);
        var names = await NamesAsync(cancellationToken);
        var me = new ConsoleMe(user.Id, names.GetValueOrDefault(user.Id, ""), presence.Status.ToString(), presence.AwayReason, presence.MaxChats ?? options.CurrentValue.MaxConcurrentChats, user.IsSupervisor);
        var (queue, length) = await QueueAsync(user, cancellationToken);
        var chats = await ChatsAsync(user.IsSupervisor ? null : user.Id, names, cancellationToken);
        if (user.IsSupervisor)
        {
            chats = [.. chats.Where(c => c.AgentId == user.Id)];
        }

        return new ConsoleSnapshot(me, queue, length, chats, await AgentsAsync(names, cancellationToken),
            [.. options.CurrentValue.EffectiveWrapUpCodes.Select(c => new CodeLabel(c, strings["WrapUp_" + c]))],
            [.. options.CurrentValue.EffectiveAwayReasons.Select(c => new CodeLabel(c, strings["Away_" + c]))],
            time.GetUtcNow().UtcDateTime,
            await TeamsAsync(user, cancellationToken));
    }

    public async Task<SupervisorBoard> SupervisorBoardAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var names = await NamesAsync(cancellationToken);
        var (queue, _) = await QueueAsync(user, cancellationToken);
        var agents = await AgentsAsync(names, cancellationToken);
        var chats = await ChatsAsync(null, names, cancellationToken);
        return new SupervisorBoard(await FiguresAsync(agents, chats.Count, cancellationToken), agents, chats, queue, time.GetUtcNow().UtcDateTime);
    }

    public async Task<ChatView?> ChatAsync(StaffUser user, Guid conversationId, CancellationToken cancellationToken)
    {
        var (conversation, error) = await desk.ReadableAsync(user, conversationId, cancellationToken);
        if (conversation is null)
        {
            return error == ChatError.NotFound ? null : throw new UnauthorizedAccessException();
        }

        var activities = await store.ReadAsync(conversationId, Math.Max(0, conversation.LastSequence - TranscriptMax), TranscriptMax, cancellationToken);
        var request = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.ConversationId == conversationId, cancellationToken);
        var mine = conversation.AgentId == user.Id && conversation.Owner == ConversationOwner.Agent;
        var linked = (await CasesOfAsync([conversationId], cancellationToken)).GetValueOrDefault(conversationId);
        var program = conversation.ProgramId is { } programId
            ? await db.Programs.AsNoTracking().Where(p => p.Id == programId).Select(p => new { p.Code, p.Name }).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new ChatView(
            conversationId, conversation.Channel.ToString(), ChannelLabel(conversation.Channel.ToString()), conversation.Owner.ToString(), conversation.AgentId,
            mine, !mine, request?.Category, request?.Reason ?? conversation.Reason,
            TranscriptView.Map(activities), await NotesAsync(user, conversationId, cancellationToken), await HistoryAsync(conversation, cancellationToken),
            linked?.Id, linked?.Number, program?.Code, program?.Name, conversation.Language);
    }

    public async Task<IReadOnlyList<TranscriptItem>?> TranscriptAfterAsync(StaffUser user, Guid conversationId, long after, CancellationToken cancellationToken)
    {
        var (conversation, _) = await desk.ReadableAsync(user, conversationId, cancellationToken);
        if (conversation is null)
        {
            return null;
        }

        // The choices of the bot's message just before the watermark tell whether the next citizen line was a click.
        var context = after > 0 ? await store.ReadAsync(conversationId, Math.Max(0, after - 5), (int)Math.Min(5, after), cancellationToken) : [];
        var choices = TranscriptView.Map(context).LastOrDefault(i => i.Role != "user" && i.Type == "message")?.Choices;
        return TranscriptView.Map(await store.ReadAsync(conversationId, after, TranscriptMax, cancellationToken), choices);
    }

    public async Task<IReadOnlyList<NoteItem>> NotesAsync(StaffUser user, Guid conversationId, CancellationToken cancellationToken)
    {
        var names = await NamesAsync(cancellationToken);
        var notes = await db.Notes.AsNoTracking().Where(n => n.ConversationId == conversationId).OrderBy(n => n.CreatedAtUtc).ToListAsync(cancellationToken);
        return [.. notes
            .Where(n => n.Kind != ChatNoteKind.Whisper || user.IsSupervisor || n.ToAgentId == user.Id)
            .Select(n => new NoteItem(n.Id, n.Kind.ToString(), n.AuthorId, names.GetValueOrDefault(n.AuthorId, ""), n.Text, n.CreatedAtUtc))];
    }

    private async Task<IReadOnlyList<HistoryItem>> HistoryAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        var earlier = await hub.Conversations.AsNoTracking()
            .Where(c => c.CitizenKeyHash == conversation.CitizenKeyHash && c.Id != conversation.Id && c.CreatedAtUtc < conversation.CreatedAtUtc)
            .OrderByDescending(c => c.CreatedAtUtc).Take(20)
            .Select(c => new { c.Id, c.CreatedAtUtc, c.Owner })
            .ToListAsync(cancellationToken);
        var ids = earlier.Select(e => e.Id).ToList();
        var codes = await db.Requests.AsNoTracking().Where(r => ids.Contains(r.ConversationId)).ToDictionaryAsync(r => r.ConversationId, r => r.WrapUpCode, cancellationToken);
        return [.. earlier.Select(e => new HistoryItem(e.Id, e.CreatedAtUtc, e.Owner.ToString(), codes.GetValueOrDefault(e.Id)))];
    }

    private async Task<(List<QueueItem> Items, int Length)> QueueAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var waiting = await board.WaitingAsync(cancellationToken);
        var listed = waiting.Take(QueueListed).ToList();
        var ids = listed.Select(w => w.ConversationId).ToList();
        var offers = await db.Offers.AsNoTracking().Where(o => ids.Contains(o.ConversationId) && o.State == OfferState.Open)
            .ToDictionaryAsync(o => o.ConversationId, cancellationToken);
        var items = new List<QueueItem>(listed.Count);
        for (var i = 0; i < listed.Count; i++)
        {
            var r = listed[i];
            var offer = offers.GetValueOrDefault(r.ConversationId);
            // Agents see who is offered what only for themselves; supervisors see every offer.
            var offeredTo = offer is null ? null : user.IsSupervisor || offer.AgentId == user.Id ? offer.AgentId : (Guid?)null;
            items.Add(new QueueItem(r.ConversationId, i + 1, r.Channel, ChannelLabel(r.Channel), r.Category, r.Reason, r.Language, r.WaitingSinceUtc,
                (int)Math.Max(0, (now - r.QueuedAtUtc).TotalSeconds), await firstQuestions.GetAsync(store, r.ConversationId, cancellationToken),
                offeredTo, offeredTo is null ? null : offer!.ExpiresAtUtc, r.Requeues > 0));
        }

        return (items, waiting.Count);
    }

    private async Task<List<ChatItem>> ChatsAsync(Guid? agentId, IReadOnlyDictionary<Guid, string> names, CancellationToken cancellationToken)
    {
        var query = hub.Conversations.AsNoTracking().Where(c => c.Owner == ConversationOwner.Agent);
        if (agentId is { } id)
        {
            query = query.Where(c => c.AgentId == id);
        }

        var chats = await query.OrderBy(c => c.CreatedAtUtc).Select(c => new { c.Id, c.Channel, c.LastSequence, c.AgentId }).ToListAsync(cancellationToken);
        var ids = chats.Select(c => c.Id).ToList();
        var requests = await db.Requests.AsNoTracking().Where(r => ids.Contains(r.ConversationId)).ToDictionaryAsync(r => r.ConversationId, cancellationToken);
        var cases = await CasesOfAsync(ids, cancellationToken);
        return [.. chats.Select(c =>
        {
            var request = requests.GetValueOrDefault(c.Id);
            var agent = c.AgentId is { } a ? names.GetValueOrDefault(a) : null;
            var linked = cases.GetValueOrDefault(c.Id);
            return new ChatItem(c.Id, c.Channel.ToString(), ChannelLabel(c.Channel.ToString()), request?.Category, request?.AnsweredAtUtc, c.LastSequence, c.AgentId, agent,
                linked?.Id, linked?.Number);
        })];
    }

    private sealed record LinkedCase(Guid ConversationId, Guid Id, string Number, DateTime CreatedAtUtc);

    // The case each conversation became (受電 → 案件, or 「案件化」); the first one made when there are several.
    private async Task<Dictionary<Guid, LinkedCase>> CasesOfAsync(List<Guid> conversationIds, CancellationToken cancellationToken)
    {
        if (conversationIds.Count == 0)
        {
            return [];
        }

        var linked = await db.Cases.AsNoTracking()
            .Where(c => c.ConversationId != null && conversationIds.Contains(c.ConversationId.Value))
            .Select(c => new LinkedCase(c.ConversationId!.Value, c.Id, c.Number, c.CreatedAtUtc))
            .ToListAsync(cancellationToken);
        return linked.GroupBy(c => c.ConversationId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.CreatedAtUtc).First());
    }

    // Teams are skill groups: the categories that a signed-in colleague names in their profile. Once administrators keep
    // teams as records (Admin/Teams), only those teams are offered; until then every named category is.
    private async Task<List<string>> TeamsAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var kept = await Admin.Teams.TeamDirectory.NamesAsync(db, cancellationToken);
        var connected = await board.ConnectedAgentsAsync(cancellationToken);
        var profiles = await db.Agents.AsNoTracking()
            .Where(a => a.Status != AgentStatus.Offline && a.AgentId != user.Id && a.Categories != "")
            .Select(a => new { a.AgentId, a.Categories })
            .ToListAsync(cancellationToken);
        return [.. profiles.Where(p => connected.Contains(p.AgentId))
            .SelectMany(p => p.Categories.Split('|', StringSplitOptions.RemoveEmptyEntries))
            .Where(c => kept.Count == 0 || kept.Contains(c, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private async Task<List<AgentItem>> AgentsAsync(IReadOnlyDictionary<Guid, string> names, CancellationToken cancellationToken)
    {
        var connected = await board.ConnectedAgentsAsync(cancellationToken);
        var load = await board.ChatsPerAgentAsync(cancellationToken);
        var supervisors = await SupervisorIdsAsync(cancellationToken);
        var agents = await db.Agents.AsNoTracking().ToListAsync(cancellationToken);
        return [.. agents
            .Select(a => new AgentItem(a.AgentId, names.GetValueOrDefault(a.AgentId, ""), a.Status.ToString(), strings["Status_" + a.Status], a.AwayReason,
                load.GetValueOrDefault(a.AgentId), a.MaxChats ?? options.CurrentValue.MaxConcurrentChats, connected.Contains(a.AgentId), supervisors.Contains(a.AgentId), a.StatusSinceUtc))
            .OrderBy(a => a.Status == nameof(AgentStatus.Offline) ? 1 : 0).ThenBy(a => a.Name, StringComparer.Ordinal)];
    }

    private async Task<LiveFigures> FiguresAsync(List<AgentItem> agents, int chatsNow, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var dayStart = board.DayStartUtc();
        var waiting = await board.WaitingAsync(cancellationToken);
        var today = await db.Requests.AsNoTracking().Where(r => r.QueuedAtUtc >= dayStart)
            .Select(r => new { r.Outcome, r.QueuedAtUtc, r.AnsweredAtUtc, r.EndedAtUtc })
            .ToListAsync(cancellationToken);
        var answered = today.Where(r => r.AnsweredAtUtc is not null).ToList();
        var abandoned = today.Count(r => r.Outcome == HandoffOutcome.Abandoned);
        var target = options.CurrentValue.TargetWait;
        var decided = answered.Count + abandoned;
        double? withinTarget = decided == 0 ? null : (double)answered.Count(r => r.AnsweredAtUtc!.Value - r.QueuedAtUtc <= target) / decided;
        var handled = today.Where(r => r.Outcome == HandoffOutcome.Closed && r.AnsweredAtUtc is not null && r.EndedAtUtc is not null).ToList();
        int? handling = handled.Count == 0 ? null : (int)Math.Round(handled.Average(r => (r.EndedAtUtc!.Value - r.AnsweredAtUtc!.Value).TotalSeconds));
        int? averageWait = answered.Count == 0 ? null : (int)Math.Round(answered.Average(r => (r.AnsweredAtUtc!.Value - r.QueuedAtUtc).TotalSeconds));
        var signedIn = agents.Where(a => a.Connected).ToList();
        return new LiveFigures(
            waiting.Count,
            waiting.Count == 0 ? 0 : (int)waiting.Max(w => (now - w.WaitingSinceUtc).TotalSeconds),
            signedIn.Count(a => a.Status == nameof(AgentStatus.Available)),
            signedIn.Count(a => a.Status == nameof(AgentStatus.Away)),
            agents.Count - signedIn.Count(a => a.Status != nameof(AgentStatus.Offline)),
            chatsNow,
            today.Count,
            answered.Count,
            abandoned,
            withinTarget,
            (int)target.TotalSeconds,
            handling,
            averageWait);
    }

    /// <summary>Display names of staff (decrypted by the context); small, read per request.</summary>
    private async Task<Dictionary<Guid, string>> NamesAsync(CancellationToken cancellationToken) =>
        await hub.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

    public async Task<HashSet<Guid>> SupervisorIdsAsync(CancellationToken cancellationToken) =>
        [.. await hub.UserRoles.AsNoTracking()
            .Join(hub.Roles.Where(r => r.Name == HubRoles.Supervisor), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .ToListAsync(cancellationToken)];

    private string ChannelLabel(string channel) => strings["Channel_" + channel];
}

/// <summary>
/// The first question of each queued conversation, kept once read (it never changes), so the queue list does not
/// decrypt transcripts on every refresh. Bounded: the oldest half is dropped when full.
/// </summary>
internal sealed class FirstQuestions
{
    private const int Max = 10_000;
    private readonly ConcurrentDictionary<Guid, string?> _known = new();

    public async Task<string?> GetAsync(IConversationStore store, Guid conversationId, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(conversationId, out var known))
        {
            return known;
        }

        var first = TranscriptView.FirstQuestion(await store.ReadAsync(conversationId, 0, 30, cancellationToken));
        if (_known.Count >= Max)
        {
            foreach (var key in _known.Keys.Take(Max / 2))
            {
                _known.TryRemove(key, out _);
            }
        }

        // A conversation whose citizen has not typed yet is read again next time.
        if (first is not null)
        {
            _known[conversationId] = first;
        }

        return first;
    }
}
