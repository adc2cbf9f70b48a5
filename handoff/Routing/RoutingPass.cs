using System.Text.Json;
using System.Text.Json.Nodes;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.ContactEvents.Services;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Events;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Agents;
using ConversationHub.Handoff.Chats;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Routing;

/// <summary>
/// One look at the queue by the node holding the router's lease: follow core's owners (a conversation queued by the
/// bot gets its contact record; one taken or left is marked so), expire offers, return the chats of agents whose
/// console is gone past the grace period, offer waiting conversations to agents, and tell citizens their place.
/// </summary>
/// <remarks>
/// Routing offers each waiting conversation, oldest first (returned ones at the head), to the available agent with the
/// skill (category, language) who has been idle longest and has room under their limit of concurrent chats; an agent
/// who let an offer run out or declined it is tried last. The unique index on open offers keeps one offer per
/// conversation even if two nodes ever route at once.
/// </remarks>
internal sealed class RoutingPass(
    HandoffDbContext db,
    HubDbContext hub,
    IConversationStore store,
    QueueBoard board,
    ChatDesk desk,
    CitizenNotices notices,
    IHubEvents events,
    IOptionsMonitor<HandoffOptions> options,
    IContactEventRecorder contactEvents,
    TimeProvider time)
{
    private static readonly TimeSpan AnnounceEvery = TimeSpan.FromSeconds(15);

    // The bot tells the first place with its answer; the queue speaks only to those who have waited a moment.
    private static readonly TimeSpan AnnounceAfter = TimeSpan.FromSeconds(2);

    /// <summary>Runs the pass; returns the offers it made.</summary>
    public async Task<IReadOnlyList<HandoffOffer>> RunAsync(CancellationToken cancellationToken)
    {
        var changed = await FollowOwnersAsync(cancellationToken);
        changed |= await ExpireOffersAsync(cancellationToken);
        changed |= await ReturnChatsOfLostAgentsAsync(cancellationToken);
        var offers = await OfferAsync(cancellationToken);
        await AnnounceStandingsAsync(cancellationToken);

        foreach (var offer in offers)
        {
            await events.PublishAsync(HandoffTopics.Offered, JsonSerializer.Serialize(new OfferPayload(offer.Id, offer.ConversationId, offer.AgentId, offer.ExpiresAtUtc)), cancellationToken);
        }

        if (changed || offers.Count > 0)
        {
            await events.PublishAsync(HandoffTopics.QueueChanged, "{}", cancellationToken);
        }

        return offers;
    }

    // Core's owner is the truth; the contact records follow it (also after a lost event or a crash between two writes).
    private async Task<bool> FollowOwnersAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var queued = await hub.Conversations.AsNoTracking()
            .Where(c => c.Owner == ConversationOwner.Queued)
            .Select(c => new { c.Id, c.Channel, c.Reason, c.UpdatedAtUtc, c.ProgramId })
            .ToListAsync(cancellationToken);
        var queuedIds = queued.Select(q => q.Id).ToList();
        var records = await db.Requests.Where(r => queuedIds.Contains(r.ConversationId) || r.Outcome == HandoffOutcome.Waiting).ToListAsync(cancellationToken);
        var changedAnswered = await EndAnsweredWhoseCitizenLeftAsync(now, cancellationToken);
        var byId = records.ToDictionary(r => r.ConversationId);
        var changed = false;

        foreach (var conversation in queued)
        {
            if (!byId.TryGetValue(conversation.Id, out var record))
            {
                var (category, language) = await HandoffContext.ReadAsync(store, conversation.Id, cancellationToken);
                db.Requests.Add(new HandoffRequest(conversation.Id, conversation.Channel.ToString(), conversation.Reason ?? "user_request", category, language, conversation.UpdatedAtUtc)
                {
                    ProgramId = conversation.ProgramId,
                });
                changed = true;
            }
            else if (record.Outcome != HandoffOutcome.Waiting)
            {
                // Back in the queue without the record knowing (a requeue whose second write was lost).
                record.ReturnToQueue(conversation.UpdatedAtUtc);
                changed = true;
            }
        }

        var gone = records.Where(r => r.Outcome == HandoffOutcome.Waiting && !queuedIds.Contains(r.ConversationId)).ToList();
        if (gone.Count > 0)
        {
            var goneIds = gone.Select(r => r.ConversationId).ToList();
            var owners = await hub.Conversations.AsNoTracking().Where(c => goneIds.Contains(c.Id))
                .Select(c => new { c.Id, c.Owner, c.AgentId, c.UpdatedAtUtc, c.EndedAtUtc })
                .ToDictionaryAsync(c => c.Id, cancellationToken);
            foreach (var record in gone)
            {
                var owner = owners.GetValueOrDefault(record.ConversationId);
                if (owner is { Owner: ConversationOwner.Agent })
                {
                    record.MarkAnswered(owner.AgentId!.Value, owner.UpdatedAtUtc);
                }
                else
                {
                    record.Outcome = owner is { Owner: ConversationOwner.Closed } && record.AnsweredAtUtc is not null ? HandoffOutcome.Closed : HandoffOutcome.Abandoned;
                    record.EndedAtUtc = owner?.EndedAtUtc ?? now;
                }
            }

            await db.Offers.Where(o => goneIds.Contains(o.ConversationId)).CloseAsync(OfferState.Withdrawn, now, cancellationToken);
            changed = true;
        }

        if (changed)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (db.ChangeTracker.Entries<HandoffRequest>().Any(e => e.State == EntityState.Added))
            {
                // An agent accepted the chat at this moment and the desk made its record first (ChatDesk.AcceptAsync):
                // nothing is lost, the next pass follows the owners again from the database.
                db.ChangeTracker.Clear();
            }
        }

        return changed || changedAnswered;
    }

    // A chat whose conversation ended while the agent had it, not by the agent (the citizen blocked the LINE account,
    // or the channel closed it): the record ends as abandoned, and the agent is free again.
    private async Task<bool> EndAnsweredWhoseCitizenLeftAsync(DateTime now, CancellationToken cancellationToken)
    {
        var answered = await db.Requests.Where(r => r.Outcome == HandoffOutcome.Answered).ToListAsync(cancellationToken);
        if (answered.Count == 0)
        {
            return false;
        }

        var ids = answered.Select(r => r.ConversationId).ToList();
        var ended = await hub.Conversations.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.Owner != ConversationOwner.Agent && c.Owner != ConversationOwner.Queued && c.Reason != ChatDesk.AgentClosedReason)
            .Select(c => new { c.Id, c.EndedAtUtc, c.AgentId })
            .ToListAsync(cancellationToken);
        foreach (var conversation in ended)
        {
            var record = answered.First(r => r.ConversationId == conversation.Id);
            record.Outcome = HandoffOutcome.Abandoned;
            record.EndedAtUtc = conversation.EndedAtUtc ?? now;
            if (conversation.AgentId is { } agentId && await db.Agents.FirstOrDefaultAsync(a => a.AgentId == agentId, cancellationToken) is { } agent)
            {
                agent.IdleSinceUtc = now;
            }
        }

        if (ended.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return ended.Count > 0;
    }

    private async Task<bool> ExpireOffersAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expired = await db.Offers.Where(o => o.ExpiresAtUtc < now).CloseAsync(OfferState.Expired, now, cancellationToken);
        return expired > 0;
    }

    // A console closed or lost (no fresh connection row) for longer than the grace period: its chats go back to the head
    // of the queue and the agent is set offline, so nothing waits for someone who is not there.
    private async Task<bool> ReturnChatsOfLostAgentsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var freshAfter = board.ConnectionFreshAfter();
        await db.Connections.Where(c => c.SeenAtUtc < freshAfter).ExecuteDeleteAsync(cancellationToken);
        var connected = await board.ConnectedAgentsAsync(cancellationToken);
        var withChats = (await board.ChatsPerAgentAsync(cancellationToken)).Keys.ToHashSet();
        var present = await db.Agents.Where(a => a.Status != AgentStatus.Offline || withChats.Contains(a.AgentId)).ToListAsync(cancellationToken);
        var changed = false;
        foreach (var agent in present.Where(a => !connected.Contains(a.AgentId)))
        {
            agent.DisconnectedAtUtc ??= now;
            if (agent.DisconnectedAtUtc > now - options.CurrentValue.DisconnectGrace)
            {
                continue;
            }

            agent.Status = AgentStatus.Offline;
            agent.AwayReason = null;
            agent.StatusSinceUtc = now;
            await db.SaveChangesAsync(cancellationToken);
            await db.Offers.Where(o => o.AgentId == agent.AgentId).CloseAsync(OfferState.Withdrawn, now, cancellationToken);
            await desk.RequeueChatsOfAsync(agent.AgentId, "agent_disconnected", cancellationToken);
            changed = true;
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    private async Task<List<HandoffOffer>> OfferAsync(CancellationToken cancellationToken)
    {
        var made = new List<HandoffOffer>();

        // Only conversations with their contact record: one the bot queued after this pass followed the owners waits
        // for the next pass, so every offered (and accepted) conversation has its record and its category.
        var waiting = await db.Requests.AsNoTracking()
            .Where(r => r.Outcome == HandoffOutcome.Waiting)
            .InQueueOrder()
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return made;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var openOffers = await db.Offers.AsNoTracking().Where(o => o.State == OfferState.Open).Select(o => new { o.ConversationId, o.AgentId }).ToListAsync(cancellationToken);
        var offered = openOffers.Select(o => o.ConversationId).ToHashSet();
        var connected = await board.ConnectedAgentsAsync(cancellationToken);
        var agents = await db.Agents.Where(a => a.Status == AgentStatus.Available).ToListAsync(cancellationToken);
        agents = [.. agents.Where(a => connected.Contains(a.AgentId))];
        if (agents.Count == 0)
        {
            return made;
        }

        var load = await board.ChatsPerAgentAsync(cancellationToken);
        foreach (var open in openOffers)
        {
            load[open.AgentId] = load.GetValueOrDefault(open.AgentId) + 1;
        }

        var waitingIds = waiting.Select(w => w.ConversationId).ToList();
        var tried = (await db.Offers.AsNoTracking()
                .Where(o => waitingIds.Contains(o.ConversationId) && (o.State == OfferState.Declined || o.State == OfferState.Expired))
                .Select(o => new { o.ConversationId, o.AgentId, o.OfferedAtUtc })
                .ToListAsync(cancellationToken))
            .ToLookup(o => o.ConversationId);
        var timeout = options.CurrentValue.OfferTimeout;

        foreach (var request in waiting.Where(w => !offered.Contains(w.ConversationId)))
        {
            var free = agents.Where(a => load.GetValueOrDefault(a.AgentId) < (a.MaxChats ?? options.CurrentValue.MaxConcurrentChats)).ToList();
            if (free.Count == 0)
            {
                break;
            }

            // The language is required, and for a call a phone to connect it to. The category decides while someone
            // signed in has it; otherwise anyone who speaks the language takes it rather than nobody.
            var call = request.Channel == nameof(ConversationChannel.Voice);
            var speaking = free.Where(a => a.HasSkill(null, request.Language) && (!call || a.TakesCalls)).ToList();
            var skilled = speaking.Where(a => a.HasSkill(request.Category, request.Language)).ToList();
            var anyoneSkilled = agents.Any(a => a.HasSkill(request.Category, request.Language) && (!call || a.TakesCalls));
            var candidates = skilled.Count > 0 ? skilled : anyoneSkilled ? [] : speaking;
            if (candidates.Count == 0)
            {
                continue;
            }

            var triedBy = tried[request.ConversationId].Where(t => t.OfferedAtUtc >= request.WaitingSinceUtc).Select(t => t.AgentId).ToHashSet();
            // Those who name the category (its team) before generalists; then who was not tried; then idle longest.
            var agent = candidates.OrderBy(a => triedBy.Contains(a.AgentId) ? 1 : 0).ThenBy(a => a.Names(request.Category) ? 0 : 1)
                .ThenBy(a => a.IdleSinceUtc).ThenBy(a => a.AgentId).First();
            var offer = new HandoffOffer(request.ConversationId, agent.AgentId, now, now + timeout);
            db.Offers.Add(offer);
            agent.IdleSinceUtc = now;
            try
            {
                await contactEvents.SaveChangesWithAsync(db, [OfferedEvent(offer, request)], cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another node offered it meanwhile.
                db.Entry(offer).State = EntityState.Detached;
                continue;
            }

            load[agent.AgentId] = load.GetValueOrDefault(agent.AgentId) + 1;
            made.Add(offer);
        }

        return made;
    }

    private static ContactEvent OfferedEvent(HandoffOffer offer, HandoffRequest request) =>
        new("offered:" + offer.Id.ToString("N"), ContactEventKind.Offered, Enum.Parse<ContactChannel>(request.Channel), offer.OfferedAtUtc)
        {
            ConversationId = offer.ConversationId,
            ProgramId = request.ProgramId,
            AgentId = offer.AgentId,
            Category = ContactEventCodes.Cut(request.Category),
        };

    // Web chat's widget shows the place and the estimate from handoff.status; LINE citizens are not pushed each step
    // (every push is a paid message): they are told on entering and whenever they write.
    private async Task AnnounceStandingsAsync(CancellationToken cancellationToken)
    {
        var waiting = await db.Requests.Where(r => r.Outcome == HandoffOutcome.Waiting)
            .InQueueOrder()
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var (_, capacity) = await board.StaffingAsync(cancellationToken);
        var handling = await board.AverageHandlingAsync(cancellationToken);
        for (var i = 0; i < waiting.Count; i++)
        {
            var request = waiting[i];
            var position = i + 1;
            var due = request.AnnouncedPosition != position && now - request.WaitingSinceUtc >= AnnounceAfter
                && (request.AnnouncedAtUtc is null || position <= 3 || now - request.AnnouncedAtUtc >= AnnounceEvery);
            if (!due || request.Channel == nameof(ConversationChannel.Line))
            {
                continue;
            }

            var estimate = QueueBoard.EstimateWait(position, capacity, handling);
            await notices.StatusAsync(request.ConversationId, "queued", new JsonObject
            {
                ["position"] = position,
                ["estimatedWaitSeconds"] = (int)Math.Ceiling(estimate.TotalSeconds),
            }, cancellationToken);
            request.AnnouncedPosition = position;
            request.AnnouncedAtUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
