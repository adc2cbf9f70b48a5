using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Agents;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Queue;

/// <summary>
/// Reads the queue as it is in the database: who waits in which order, each agent's load, the estimated wait and the
/// day's figures. Nothing is cached: every node answers from the same rows.
/// </summary>
internal sealed class QueueBoard(HandoffDbContext db, HubDbContext hub, IOptionsMonitor<HandoffOptions> options, TimeProvider time, HandlingTimeCache handling)
{
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    /// <summary>
    /// Waiting conversations in queue order: returned ones first, then by when their wait began. Core's owner is the
    /// truth: a conversation the bot has just queued counts before the router has made its contact record.
    /// </summary>
    public async Task<List<HandoffRequest>> WaitingAsync(CancellationToken cancellationToken)
    {
        var records = await db.Requests.AsNoTracking().Where(r => r.Outcome == HandoffOutcome.Waiting).ToListAsync(cancellationToken);
        var queued = await hub.Conversations.AsNoTracking().Where(c => c.Owner == ConversationOwner.Queued)
            .Select(c => new { c.Id, c.Channel, c.Reason, c.UpdatedAtUtc })
            .ToListAsync(cancellationToken);
        var queuedIds = queued.Select(q => q.Id).ToHashSet();
        var known = records.Select(r => r.ConversationId).ToHashSet();
        return [.. records.Where(r => queuedIds.Contains(r.ConversationId))
            .Concat(queued.Where(q => !known.Contains(q.Id)).Select(q => new HandoffRequest(q.Id, q.Channel.ToString(), q.Reason ?? "user_request", null, "ja", q.UpdatedAtUtc)))
            .AsQueryable().InQueueOrder()];
    }

    /// <summary>How many conversations wait (core's owner is the truth).</summary>
    public Task<int> WaitingCountAsync(CancellationToken cancellationToken) =>
        hub.Conversations.CountAsync(c => c.Owner == ConversationOwner.Queued, cancellationToken);

    /// <summary>Open chats per agent (core's owner is the truth).</summary>
    public async Task<Dictionary<Guid, int>> ChatsPerAgentAsync(CancellationToken cancellationToken) =>
        await hub.Conversations.AsNoTracking()
            .Where(c => c.Owner == ConversationOwner.Agent && c.AgentId != null)
            .GroupBy(c => c.AgentId!.Value)
            .Select(g => new { Agent = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Agent, x => x.Count, cancellationToken);

    /// <summary>The agent's open chats, oldest first.</summary>
    public async Task<List<Guid>> OpenChatIdsAsync(Guid agentId, CancellationToken cancellationToken) =>
        await hub.Conversations.AsNoTracking()
            .Where(c => c.Owner == ConversationOwner.Agent && c.AgentId == agentId)
            .OrderBy(c => c.CreatedAtUtc)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Agents with a console connection refreshed recently enough to count as there.</summary>
    public async Task<HashSet<Guid>> ConnectedAgentsAsync(CancellationToken cancellationToken)
    {
        var seenAfter = ConnectionFreshAfter();
        return [.. await db.Connections.AsNoTracking().Where(c => c.SeenAtUtc >= seenAfter).Select(c => c.AgentId).Distinct().ToListAsync(cancellationToken)];
    }

    /// <summary>The time after which a connection's refresh counts (three heartbeats).</summary>
    public DateTime ConnectionFreshAfter() => time.GetUtcNow().UtcDateTime - 3 * options.CurrentValue.HeartbeatInterval;

    /// <summary>Signed-in agents (受付可 or 離席, with a live console) and their combined chat capacity.</summary>
    public async Task<(int SignedIn, int Capacity)> StaffingAsync(CancellationToken cancellationToken, bool callsOnly = false)
    {
        var connected = await ConnectedAgentsAsync(cancellationToken);
        var agents = await db.Agents.AsNoTracking().Where(a => a.Status != AgentStatus.Offline && (!callsOnly || a.PhoneTarget != null)).ToListAsync(cancellationToken);
        var signedIn = agents.Where(a => connected.Contains(a.AgentId)).ToList();
        var capacity = signedIn.Where(a => a.Status == AgentStatus.Available).Sum(a => a.MaxChats ?? options.CurrentValue.MaxConcurrentChats);
        return (signedIn.Count, capacity);
    }

    /// <summary>
    /// The estimated wait of the conversation at <paramref name="position"/> (1 = next): the chats ahead of it, spread
    /// over the available capacity, each taking the day's average handling time. A rough, honest figure.
    /// </summary>
    public static TimeSpan EstimateWait(int position, int capacity, TimeSpan averageHandling)
    {
        var perChat = averageHandling / Math.Max(1, capacity);
        return perChat * Math.Max(1, position);
    }

    /// <summary>
    /// The day's average handling time (accept to close), or the configured default before the first close. PERF: an
    /// estimate, so kept for <see cref="HandlingCache"/> per node rather than read on every handoff and routing pass.
    /// </summary>
    public async Task<TimeSpan> AverageHandlingAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (handling.Get(now) is { } known)
        {
            return known;
        }

        var average = await ReadAverageHandlingAsync(cancellationToken);
        handling.Set(average, now + HandlingCache);
        return average;
    }

    private static readonly TimeSpan HandlingCache = TimeSpan.FromSeconds(30);

    private async Task<TimeSpan> ReadAverageHandlingAsync(CancellationToken cancellationToken)
    {
        var dayStart = DayStartUtc();
        var handled = await db.Requests.AsNoTracking()
            .Where(r => r.Outcome == HandoffOutcome.Closed && r.EndedAtUtc >= dayStart && r.AnsweredAtUtc != null)
            .Select(r => new { r.AnsweredAtUtc, r.EndedAtUtc })
            .ToListAsync(cancellationToken);
        return handled.Count == 0
            ? options.CurrentValue.DefaultHandlingTime
            : TimeSpan.FromSeconds(handled.Average(r => (r.EndedAtUtc!.Value - r.AnsweredAtUtc!.Value).TotalSeconds));
    }

    /// <summary>Midnight in Japan today, in UTC: "today" of the center's figures.</summary>
    public DateTime DayStartUtc()
    {
        var japan = time.GetUtcNow().ToOffset(JapanOffset);
        return new DateTimeOffset(japan.Date, JapanOffset).UtcDateTime;
    }
}

/// <summary>This node's last reading of the day's average handling time, and until when it holds.</summary>
internal sealed class HandlingTimeCache
{
    // A reference, so readers on other threads see a whole reading or the previous one.
    private Reading? _known;

    public TimeSpan? Get(DateTime nowUtc) => Volatile.Read(ref _known) is { } known && known.UntilUtc > nowUtc ? known.Value : null;

    public void Set(TimeSpan value, DateTime untilUtc) => Volatile.Write(ref _known, new Reading(value, untilUtc));

    private sealed record Reading(TimeSpan Value, DateTime UntilUtc);
}
