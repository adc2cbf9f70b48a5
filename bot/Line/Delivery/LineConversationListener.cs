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
/// so the delivery worker is woken (it reads what is pending from the transcript), an agent joining or leaving a
/// LINE conversation is told to the citizen, and an agent typing shows the citizen LINE's loading animation.
/// Handlers only write to the database or queue work; the workers call LINE.
/// </summary>
internal sealed class LineConversationListener(
    IHubEvents events,
    IServiceScopeFactory scopes,
    LineDeliverySignal delivery,
    LineAgentTypingWorker typing,
    IOptionsMonitor<LineChannelOptions> options) : IHostedService, IDisposable
{
    private readonly HubSubscriptions _subscriptions = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.Enabled)
        {
            return Task.CompletedTask;
        }

        _subscriptions.Add(events.Subscribe(ConversationEventTopics.ActivityAdded, OnActivityAddedAsync));
        _subscriptions.Add(events.Subscribe(ConversationEventTopics.AgentAssigned, (e, ct) => OnOwnerChangedAsync(e, LineHandoffNotice.AgentJoined, ct)));
        _subscriptions.Add(events.Subscribe(ConversationEventTopics.Ended, (e, ct) => OnOwnerChangedAsync(e, LineHandoffNotice.AgentLeft, ct)));
        _subscriptions.Add(events.Subscribe(ConversationEventTopics.AgentTyping, OnAgentTypingAsync));
        return Task.CompletedTask;
    }

    public void Dispose() => _subscriptions.Dispose();

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Dispose();

        return Task.CompletedTask;
    }

    // Every node hears it and wakes; the conversation's lease lets one of them send.
    private Task OnActivityAddedAsync(HubEvent hubEvent, CancellationToken cancellationToken)
    {
        delivery.Wake();
        return Task.CompletedTask;
    }

    // Every node hears it; each shows the animation at most once per throttle window (LINE tolerates a repeat).
    private Task OnAgentTypingAsync(HubEvent hubEvent, CancellationToken cancellationToken)
    {
        AgentTypingPayload? payload;
        try
        {
            // Web defaults read the record's own PascalCase names and camelCase ones alike.
            payload = JsonSerializer.Deserialize<AgentTypingPayload>(hubEvent.Payload, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return Task.CompletedTask;
        }

        if (payload is { ConversationId: var conversationId } && conversationId != Guid.Empty)
        {
            typing.Request(conversationId);
        }

        return Task.CompletedTask;
    }

    private async Task OnOwnerChangedAsync(HubEvent hubEvent, LineHandoffNotice notice, CancellationToken cancellationToken)
    {
        if (ConversationEventPayload.TryGetConversationId(hubEvent.Payload, out var conversationId))
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<LineHandoffNotices>().TellAsync(conversationId, notice, cancellationToken);
        }
    }
}
