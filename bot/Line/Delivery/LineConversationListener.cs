using System.Text.Json;
using ConversationHub.Bot.Line.Handoff;
using ConversationHub.Bot.Line.Infrastructure;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Line.Delivery;

/// <summary>
/// Listens to the conversation events: a new activity may be a LINE message to deliver (the bot's or an agent's),
/// so the delivery worker is woken (it reads what is pending from the transcript), and an agent joining or leaving a
/// LINE conversation is told to the citizen. Handlers only write to the database; the delivery worker calls LINE.
/// </summary>
internal sealed class LineConversationListener(IHubEvents events, IServiceScopeFactory scopes, LineDeliverySignal delivery, IOptionsMonitor<LineChannelOptions> options) : IHostedService
{
    private readonly List<IDisposable> _subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.Enabled)
        {
            return Task.CompletedTask;
        }

        _subscriptions.Add(events.Subscribe(ConversationEventTopics.ActivityAdded, OnActivityAddedAsync));
        _subscriptions.Add(events.Subscribe(ConversationEventTopics.AgentAssigned, (e, ct) => OnOwnerChangedAsync(e, LineHandoffNotice.AgentJoined, ct)));
        _subscriptions.Add(events.Subscribe(ConversationEventTopics.Ended, (e, ct) => OnOwnerChangedAsync(e, LineHandoffNotice.AgentLeft, ct)));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscriptions.ForEach(s => s.Dispose());
        _subscriptions.Clear();
        return Task.CompletedTask;
    }

    // Every node hears it and wakes; the conversation's lease lets one of them send.
    private Task OnActivityAddedAsync(HubEvent hubEvent, CancellationToken cancellationToken)
    {
        delivery.Wake();
        return Task.CompletedTask;
    }

    private async Task OnOwnerChangedAsync(HubEvent hubEvent, LineHandoffNotice notice, CancellationToken cancellationToken)
    {
        using var payload = JsonDocument.Parse(hubEvent.Payload);
        if (payload.RootElement.TryGetProperty(nameof(ConversationEvent.ConversationId), out var id) && id.TryGetGuid(out var conversationId))
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<LineHandoffNotices>().TellAsync(conversationId, notice, cancellationToken);
        }
    }
}
