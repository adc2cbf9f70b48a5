using System.Collections.Concurrent;
using System.Threading.Channels;
using ConversationHub.Bot.Line.Client;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Line.Handoff;

/// <summary>
/// Shows LINE's loading animation to a citizen while the agent who owns the conversation types: LINE has no typing
/// indicator, and the animation is what LINE shows while an answer is on its way. Best effort: nothing is stored, a
/// failed call is logged and forgotten.
/// </summary>
/// <remarks>
/// Requests are throttled per conversation on this node (an agent's typing arrives many times a second) and queued,
/// so the event listener never waits for LINE. Whether the conversation is on LINE and an agent's is read when the
/// request is taken, just before the call.
/// </remarks>
internal sealed partial class LineAgentTypingWorker(
    IServiceScopeFactory scopes,
    IOptionsMonitor<LineChannelOptions> options,
    TimeProvider time,
    ILogger<LineAgentTypingWorker> logger) : BackgroundService
{
    /// <summary>At most one animation per conversation per node in this time.</summary>
    public static readonly TimeSpan Throttle = TimeSpan.FromSeconds(5);

    // Twice the throttle: an agent still typing renews it before it runs out, and one who stops leaves it for at
    // most this long (the agent's message ends it at once).
    private const int AnimationSeconds = 10;
    private const int Capacity = 1000;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, long> _lastShown = new();
    private readonly Channel<Guid> _requests = Channel.CreateBounded<Guid>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>An agent is typing in <paramref name="conversationId"/>; ignored within the throttle.</summary>
    public void Request(Guid conversationId)
    {
        var now = time.GetTimestamp();
        if (_lastShown.TryGetValue(conversationId, out var last) && time.GetElapsedTime(last, now) < Throttle)
        {
            return;
        }

        _lastShown[conversationId] = now;
        if (_lastShown.Count > Capacity)
        {
            // Forget conversations nobody typed in lately, so a node that runs for months does not keep them all.
            foreach (var (id, at) in _lastShown.Where(e => time.GetElapsedTime(e.Value, now) >= Throttle).ToList())
            {
                _lastShown.TryRemove(new KeyValuePair<Guid, long>(id, at));
            }
        }

        _requests.Writer.TryWrite(conversationId);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.Enabled)
        {
            return;
        }

        try
        {
            await foreach (var conversationId in _requests.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await ShowAsync(conversationId, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.ShowFailed(logger, ex, conversationId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: an animation not shown is not missed.
        }
    }

    private async Task ShowAsync(Guid conversationId, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var conversation = await scope.ServiceProvider.GetRequiredService<IConversationStore>().FindAsync(conversationId, stoppingToken);
        if (conversation is not { Channel: ConversationChannel.Line, Owner: ConversationOwner.Agent })
        {
            return;
        }

        // An animation later than the throttle is no longer about this typing.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(CallTimeout);
        var shown = await scope.ServiceProvider.GetRequiredService<LineMessagingClient>().ShowLoadingAsync(conversation.CitizenKey, AnimationSeconds, timeout.Token);
        if (!shown.IsSuccess)
        {
            Log.NotShown(logger, conversationId, shown.Status);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3350, Level = LogLevel.Information, Message = "LINE loading animation for the agent typing in conversation {ConversationId} not shown: status {Status}")]
        public static partial void NotShown(ILogger logger, Guid conversationId, int status);

        [LoggerMessage(EventId = 3351, Level = LogLevel.Warning, Message = "LINE loading animation for the agent typing in conversation {ConversationId} failed")]
        public static partial void ShowFailed(ILogger logger, Exception exception, Guid conversationId);
    }
}
