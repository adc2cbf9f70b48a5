using System.Text.Json;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Events;
using ConversationHub.Handoff.Chats;
using ConversationHub.Handoff.Console;
using ConversationHub.Handoff.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConversationHub.Handoff.Live;

/// <summary>
/// Carries cross-node events to this node's consoles: every node hears every event (PostgreSQL LISTEN/NOTIFY with
/// several nodes), and pushes to the SignalR connections it holds, so a citizen on node A and an agent on node B talk
/// normally without a SignalR backplane. It also wakes the router when the queue may have work.
/// </summary>
internal sealed class ConsoleRelay(
    IHubEvents events,
    IHubContext<AgentHub> hub,
    ChatWatchers watchers,
    RouterSignal router,
    IServiceScopeFactory scopes) : IHostedService, IDisposable
{
    private readonly HubSubscriptions _subscriptions = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Add(events.Subscribe(ConversationEventTopics.ActivityAdded, OnActivityAsync));
        _subscriptions.Add(events.Subscribe(HandoffTopics.QueueChanged, (_, ct) => hub.Clients.Group(AgentHub.ConsoleGroup).SendAsync("queueChanged", ct)));
        _subscriptions.Add(events.Subscribe(HandoffTopics.Offered, OnOfferedAsync));
        _subscriptions.Add(events.Subscribe(HandoffTopics.NoteAdded, OnNoteAsync));
        _subscriptions.Add(events.Subscribe(HandoffTopics.RouteNow, (_, _) => Wake()));
        _subscriptions.Add(events.Subscribe(ConversationEventTopics.HandoffRequested, OnHandoffRequestedAsync));
        _subscriptions.Add(events.Subscribe(HubEventTopics.Reconnected, (_, ct) => hub.Clients.Group(AgentHub.ConsoleGroup).SendAsync("queueChanged", ct)));
        foreach (var topic in new[] { ConversationEventTopics.HandoffRequested, ConversationEventTopics.AgentAssigned, ConversationEventTopics.Ended, ConversationEventTopics.Requeued, ConversationEventTopics.Transferred })
        {
            _subscriptions.Add(events.Subscribe(topic, OnOwnerChangedAsync));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Dispose();

        return Task.CompletedTask;
    }

    public void Dispose() => _subscriptions.Dispose();

    // The contact record at once, so a citizen who leaves before the router's next pass is still counted as abandoned.
    private async Task OnHandoffRequestedAsync(HubEvent e, CancellationToken cancellationToken)
    {
        if (JsonSerializer.Deserialize<HandoffRequested>(e.Payload) is { } requested)
        {
            await using var scope = scopes.CreateAsyncScope();
            await Queue.HandoffContext.EnsureRecordAsync(
                scope.ServiceProvider.GetRequiredService<Persistence.HandoffDbContext>(), scope.ServiceProvider.GetRequiredService<IConversationStore>(),
                requested.ConversationId, requested.Category, cancellationToken);
        }
    }

    private Task Wake()
    {
        router.Wake();
        return Task.CompletedTask;
    }

    // Every bot turn announces an activity; only chats a local console has open are pushed. PERF: the announced line
    // travels with the push (read once per node, not once per console), so a console whose watermark is just before it
    // needs no round trip; one that missed more reads from its watermark (ReadTranscript).
    private async Task OnActivityAsync(HubEvent e, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<ActivityAddedPayload>(e.Payload);
        if (payload is null || !watchers.IsWatched(payload.ConversationId))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var recent = await scope.ServiceProvider.GetRequiredService<IConversationStore>()
            .ReadAsync(payload.ConversationId, Math.Max(0, payload.Sequence - ClickContext), ClickContext, cancellationToken);
        var line = TranscriptView.Map(recent).LastOrDefault(l => l.Sequence == payload.Sequence);
        await hub.Clients.Group(AgentHub.ChatGroup(payload.ConversationId)).SendAsync("activity", payload.ConversationId, payload.Sequence, line, cancellationToken);
    }

    // The lines read before the announced one, so a citizen's click on the bot's last choices is recognised.
    private const int ClickContext = 4;

    private Task OnOfferedAsync(HubEvent e, CancellationToken cancellationToken)
    {
        var offer = JsonSerializer.Deserialize<OfferPayload>(e.Payload);
        return offer is null
            ? Task.CompletedTask
            : hub.Clients.Group(AgentHub.AgentGroup(offer.AgentId)).SendAsync("offered", offer.ConversationId, offer.ExpiresAtUtc, cancellationToken);
    }

    private Task OnNoteAsync(HubEvent e, CancellationToken cancellationToken)
    {
        var note = JsonSerializer.Deserialize<NotePayload>(e.Payload);
        return note is null || !watchers.IsWatched(note.ConversationId)
            ? Task.CompletedTask
            : hub.Clients.Group(AgentHub.ChatGroup(note.ConversationId)).SendAsync("note", note.ConversationId, cancellationToken);
    }

    // A change of hands: consoles refresh their lists, the router looks at the queue, and local watchers who may no
    // longer read the chat (its previous agent) are taken out of its group.
    private async Task OnOwnerChangedAsync(HubEvent e, CancellationToken cancellationToken)
    {
        router.Wake();
        await hub.Clients.Group(AgentHub.ConsoleGroup).SendAsync("queueChanged", cancellationToken);
        if (!ConversationEventPayload.TryGetConversationId(e.Payload, out var conversationId))
        {
            return;
        }

        var local = watchers.WatchersOf(conversationId);
        if (local.Count == 0)
        {
            return;
        }

        await hub.Clients.Group(AgentHub.ChatGroup(conversationId)).SendAsync("chatChanged", conversationId, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<ChatDesk>();
        foreach (var (connectionId, user) in local)
        {
            var (readable, _) = await desk.ReadableAsync(user, conversationId, cancellationToken);
            if (readable is null || (!user.IsSupervisor && readable.AgentId != user.Id && readable.Owner != ConversationOwner.Queued))
            {
                watchers.Unwatch(connectionId, conversationId);
                await hub.Groups.RemoveFromGroupAsync(connectionId, AgentHub.ChatGroup(conversationId), cancellationToken);
            }
        }
    }
}
