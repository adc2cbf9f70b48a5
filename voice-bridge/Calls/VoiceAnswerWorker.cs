using System.Text.Json.Nodes;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConversationHub.VoiceBridge.Calls;

/// <summary>
/// Picks up the bot's answers on voice conversations the way the LINE sender does: the transcript's pending deliveries
/// of channel voice, oldest first; each conversation's answer (its first message that names an FAQ, else none) goes to
/// the call's flow, and the activities are marked delivered. Polls briefly, since a caller is waiting on the line.
/// </summary>
internal sealed partial class VoiceAnswerWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<VoiceAnswerWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.SweepFailed(logger, exception);
            }
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
