using System.Text.Json;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Events;
using ConversationHub.Handoff.Queue;
using ConversationHub.Handoff.Survey;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConversationHub.Handoff.Chats;

/// <summary>
/// Hands the citizen's messages after an agent closed the chat to the satisfaction survey (<see cref="Survey.SurveyFlow"/>:
/// consent, then the configured items) while the conversation awaits answers (<c>SurveyUntilUtc</c>; past it the survey
/// ends with the answers given). Every node hears the activity; the survey's conditional updates let exactly one take it.
/// </summary>
/// <remarks>
/// PERF: every activity of every conversation is announced, so each node keeps the conversations that await an answer
/// (told by <see cref="HandoffTopics.SurveyAsked"/>, reloaded from the database at start and after a lost event bus)
/// and reads nothing for the others.
/// </remarks>
internal sealed class SatisfactionSurvey(IHubEvents events, IServiceScopeFactory scopes, TimeProvider time) : IHostedService, IDisposable
{
    private readonly HubSubscriptions _subscriptions = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, DateTime> _awaiting = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Add(events.Subscribe(ConversationEventTopics.ActivityAdded, OnActivityAsync));
        _subscriptions.Add(events.Subscribe(HandoffTopics.SurveyAsked, OnSurveyAskedAsync));
        _subscriptions.Add(events.Subscribe(HubEventTopics.Reconnected, (_, ct) => ReloadAsync(ct)));
        await ReloadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscriptions.Dispose();

    private Task OnSurveyAskedAsync(HubEvent e, CancellationToken cancellationToken)
    {
        if (JsonSerializer.Deserialize<SurveyPayload>(e.Payload) is { } asked)
        {
            _awaiting[asked.ConversationId] = asked.UntilUtc;
        }

        return Task.CompletedTask;
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = time.GetUtcNow().UtcDateTime;
        var awaiting = await scope.ServiceProvider.GetRequiredService<Core.Persistence.HubDbContext>().Conversations.AsNoTracking()
            .Where(c => c.Owner == ConversationOwner.Closed && c.SurveyUntilUtc > now)
            .Select(c => new { c.Id, Until = c.SurveyUntilUtc!.Value })
            .ToListAsync(cancellationToken);
        foreach (var conversation in awaiting)
        {
            _awaiting[conversation.Id] = conversation.Until;
        }
    }

    private async Task OnActivityAsync(HubEvent e, CancellationToken cancellationToken)
    {
        var added = JsonSerializer.Deserialize<ActivityAddedPayload>(e.Payload);
        if (added is null || !_awaiting.TryGetValue(added.ConversationId, out var until))
        {
            return;
        }

        if (until <= time.GetUtcNow().UtcDateTime)
        {
            _awaiting.TryRemove(added.ConversationId, out _);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IConversationStore>();
        var now = time.GetUtcNow().UtcDateTime;
        var conversation = await store.FindAsync(added.ConversationId, cancellationToken);
        if (conversation is null || !conversation.AwaitsSurveyAnswer(now))
        {
            _awaiting.TryRemove(added.ConversationId, out _);
            return;
        }

        // The announcement names the last activity of a batch: look at the latest inbound message.
        var recent = await store.ReadAsync(conversation.Id, Math.Max(0, added.Sequence - 3), 3, cancellationToken);
        // Only what the citizen wrote after the chat was closed answers the question.
        var inbound = recent.LastOrDefault(a => a.Direction == ActivityDirection.Inbound && a.Type == "message" && a.TimestampUtc >= conversation.EndedAtUtc);
        var text = inbound is null ? null : JsonDocument.Parse(inbound.ActivityJson).RootElement.TryGetProperty("text", out var t) ? t.GetString() : null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        await scope.ServiceProvider.GetRequiredService<SurveyFlow>().TakeAsync(conversation, inbound!.Sequence, text, cancellationToken);
    }
}
