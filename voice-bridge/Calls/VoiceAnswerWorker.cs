using System.Text.Json;
using System.Text.Json.Nodes;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConversationHub.VoiceBridge.Calls;

/// <summary>
/// Picks up the bot's answers on voice conversations the way the LINE sender does: the transcript's pending deliveries
/// of channel voice, oldest first; each conversation's answer (its first message that names an FAQ, else none) goes to
/// the call's flow, and the activities are marked delivered. A caller is waiting on the line, so the worker does not
/// wait for a poll: a new activity (<see cref="ConversationEventTopics.ActivityAdded"/>, from any node) in a conversation
/// whose caller waits for the bot (<see cref="VoiceAnswerWaits"/>) wakes it, and wake-ups that come while a sweep runs
/// make one more sweep. The poll remains as the safety net for an answer that was missed (a node that restarted, a lost
/// notification, a question asked on another node).
/// </summary>
internal sealed partial class VoiceAnswerWorker(
    IServiceScopeFactory scopes, IHubEvents events, VoiceAnswerSignal signal, VoiceAnswerWaits waits, ILogger<VoiceAnswerWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var added = events.Subscribe(ConversationEventTopics.ActivityAdded, (e, _) =>
        {
            if (IsAwaitedAnswer(e))
            {
                signal.Wake();
            }

            return Task.CompletedTask;
        });
        await signal.RunAsync(
            async cancellationToken =>
            {
                await SweepAsync(cancellationToken);
                return Interval;
            },
            exception =>
            {
                Log.SweepFailed(logger, exception);
                return Interval;
            },
            stoppingToken);
    }

    private bool IsAwaitedAnswer(HubEvent hubEvent)
    {
        try
        {
            return JsonSerializer.Deserialize<ActivityAddedPayload>(hubEvent.Payload) is { } added && waits.IsWaiting(added.ConversationId);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IConversationStore>();
        var pending = await store.FindPendingDeliveriesAsync(ConversationChannel.Voice, 100, cancellationToken);
        foreach (var group in pending.GroupBy(d => d.ConversationId))
        {
            string? markdown = null, faqId = null;
            foreach (var delivery in group.OrderBy(d => d.Sequence))
            {
                if (markdown is null && JsonNode.Parse(delivery.ActivityJson) is JsonObject activity
                    && activity["channelData"]?[ActivityChannelData.FaqId]?.GetValue<string>() is { } id && activity["text"]?.GetValue<string>() is { } text)
                {
                    markdown = text;
                    faqId = id;
                }

                await store.MarkDeliveredAsync(delivery.ActivityId, cancellationToken);
            }

            await scope.ServiceProvider.GetRequiredService<CallHandler>().AnsweredAsync(group.Key, markdown, faqId, cancellationToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Picking up the bot's answers for calls failed; the next sweep tries again.")]
        public static partial void SweepFailed(ILogger logger, Exception exception);
    }
}
