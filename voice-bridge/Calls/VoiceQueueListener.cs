using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConversationHub.VoiceBridge.Calls;

/// <summary>
/// Hears agents taking conversations, or handing them to each other (every node hears each one): when the conversation
/// is a call here, the agent's phone is connected at once. The call's version lets one node act; the queue's hold loop connects the agent
/// too, should this event be missed.
/// </summary>
internal sealed class VoiceQueueListener(IHubEvents events, IServiceScopeFactory scopes) : IHostedService, IDisposable
{
    private readonly HubSubscriptions _subscriptions = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Add(events.Subscribe(ConversationEventTopics.AgentAssigned, OnAgentAssignedAsync));
        // A chat handed to another agent: the call follows it to the new agent's phone.
        _subscriptions.Add(events.Subscribe(ConversationEventTopics.Transferred, OnAgentAssignedAsync));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscriptions.Dispose();

    private async Task OnAgentAssignedAsync(HubEvent hubEvent, CancellationToken cancellationToken)
    {
        if (ConversationEventPayload.TryGetConversationId(hubEvent.Payload, out var conversationId))
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CallHandler>().AgentAssignedAsync(conversationId, cancellationToken);
        }
    }
}
