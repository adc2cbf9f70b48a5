using System.Collections.Concurrent;
using System.Text.Json;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Bot.DirectLine.Streaming;

/// <summary>
/// Wakes this node's open streams when their conversation gets a new activity. It listens once to
/// <c>conversation.activity_added</c>, which every node hears whichever node wrote the activity, so a socket held
/// here gets an activity posted on another node. After a lost event bus connection every stream re-reads.
/// It also keeps one stream per conversation across nodes: a new stream announces itself with
/// <c>directline.stream_opened</c>, and every node supersedes its older streams of that conversation (Direct Line
/// closes the older socket as a <c>collision</c>).
/// </summary>
internal sealed partial class DirectLineStreamRouter(IHubEvents events, ILogger<DirectLineStreamRouter> logger) : IHostedService
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<StreamSignal, byte>> _streams = new();
    private IDisposable? _activityAdded;
    private IDisposable? _reconnected;
    private IDisposable? _streamOpened;

    public const string StreamOpenedTopic = "directline.stream_opened";

    public IDisposable Register(Guid conversationId, StreamSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var set = _streams.GetOrAdd(conversationId, _ => new());
        SupersedeOthers(set, signal.Id);
        set.TryAdd(signal, 0);
        return new Registration(this, conversationId, signal);
    }

    /// <summary>Tells the other nodes that <paramref name="signal"/> is now the conversation's stream.</summary>
    public Task AnnounceAsync(Guid conversationId, StreamSignal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return events.PublishAsync(StreamOpenedTopic, JsonSerializer.Serialize(new StreamOpenedPayload(conversationId, signal.Id)), cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _activityAdded = events.Subscribe(ConversationEventTopics.ActivityAdded, OnActivityAddedAsync);
        _reconnected = events.Subscribe(HubEventTopics.Reconnected, (_, _) =>
        {
            foreach (var signal in _streams.Values.SelectMany(s => s.Keys))
            {
                signal.Wake();
            }

            return Task.CompletedTask;
        });
        _streamOpened = events.Subscribe(StreamOpenedTopic, OnStreamOpenedAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _activityAdded?.Dispose();
        _reconnected?.Dispose();
        _streamOpened?.Dispose();
        return Task.CompletedTask;
    }

    private Task OnActivityAddedAsync(HubEvent hubEvent, CancellationToken cancellationToken)
    {
        ActivityAddedPayload? payload = null;
        try
        {
            payload = JsonSerializer.Deserialize<ActivityAddedPayload>(hubEvent.Payload);
        }
        catch (JsonException)
        {
            Log.MalformedEvent(logger);
        }

        if (payload is not null && _streams.TryGetValue(payload.ConversationId, out var set))
        {
            // PERF: enumerating the dictionary takes no lock; its Keys property locks it and copies the keys, for
            // each of the two or three activities a question adds.
            foreach (var (signal, _) in set)
            {
                signal.Wake();
            }
        }

        return Task.CompletedTask;
    }

    private Task OnStreamOpenedAsync(HubEvent hubEvent, CancellationToken cancellationToken)
    {
        StreamOpenedPayload? payload = null;
        try
        {
            payload = JsonSerializer.Deserialize<StreamOpenedPayload>(hubEvent.Payload);
        }
        catch (JsonException)
        {
            Log.MalformedEvent(logger);
        }

        if (payload is not null && _streams.TryGetValue(payload.ConversationId, out var set))
        {
            SupersedeOthers(set, payload.StreamId);
        }

        return Task.CompletedTask;
    }

    private static void SupersedeOthers(ConcurrentDictionary<StreamSignal, byte> set, Guid current)
    {
        foreach (var other in set.Keys.Where(s => s.Id != current))
        {
            other.Supersede();
        }
    }

    private sealed record StreamOpenedPayload(Guid ConversationId, Guid StreamId);

    private sealed class Registration(DirectLineStreamRouter router, Guid conversationId, StreamSignal signal) : IDisposable
    {
        public void Dispose()
        {
            if (router._streams.TryGetValue(conversationId, out var set))
            {
                set.TryRemove(signal, out _);
                if (set.IsEmpty)
                {
                    router._streams.TryRemove(new KeyValuePair<Guid, ConcurrentDictionary<StreamSignal, byte>>(conversationId, set));
                }
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3200, Level = LogLevel.Warning, Message = "Ignored a malformed Direct Line stream event")]
        public static partial void MalformedEvent(ILogger logger);
    }
}
