using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ConversationHub.Core.Events;

/// <summary>
/// Cross-node events over PostgreSQL <c>LISTEN/NOTIFY</c> on one channel. One dedicated connection per node
/// listens; publishing borrows a pooled connection. Local subscribers receive events through the same round
/// trip as remote ones, so every node sees the same order that PostgreSQL committed.
/// </summary>
internal sealed partial class PostgresHubEvents : BackgroundService, IHubEvents
{
    internal const string Channel = "conversationhub_events";
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly NpgsqlDataSource _dataSource;
    private readonly HubEventDispatcher _dispatcher;
    private readonly ILogger<PostgresHubEvents> _logger;
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PostgresHubEvents(string connectionString, ILogger<PostgresHubEvents> logger)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // A dead listener connection must be noticed, or this node silently stops hearing other nodes.
            KeepAlive = 15,
        };
        _dataSource = NpgsqlDataSource.Create(builder);
        _logger = logger;
        _dispatcher = new HubEventDispatcher(logger);
    }

    public string NodeId { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Completes when this node listens for the first time.</summary>
    public Task Listening => _listening.Task;

    public async Task PublishAsync(string topic, string payload, CancellationToken cancellationToken)
    {
        HubEventTopics.ThrowIfInvalid(topic, payload);
        var message = JsonSerializer.Serialize(new WireEvent(topic, payload, NodeId), WireJsonContext.Default.WireEvent);
        await using var command = _dataSource.CreateCommand("SELECT pg_notify($1, $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = Channel });
        command.Parameters.Add(new NpgsqlParameter { Value = message });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public IDisposable Subscribe(string topic, Func<HubEvent, CancellationToken, Task> handler) => _dispatcher.Subscribe(topic, handler);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await _dispatcher.DisposeAsync();
    }

    public override void Dispose()
    {
        base.Dispose();
        _dataSource.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        var wasListening = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (wasListening)
                {
                    Log.Reconnected(_logger);
                    _dispatcher.Dispatch(new HubEvent(HubEventTopics.Reconnected, "", NodeId));
                }

                wasListening = true;
                backoff = TimeSpan.FromMilliseconds(250);
                _listening.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
            {
                Log.ListenerFailed(_logger, ex, backoff);
                await Task.Delay(backoff, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs args)
    {
        WireEvent? wire;
        try
        {
            wire = JsonSerializer.Deserialize(args.Payload, WireJsonContext.Default.WireEvent);
        }
        catch (JsonException)
        {
            wire = null;
        }

        if (wire is null || !HubEventTopics.IsValid(wire.Topic))
        {
            Log.MalformedNotification(_logger);
            return;
        }

        _dispatcher.Dispatch(new HubEvent(wire.Topic, wire.Payload ?? "", wire.Node ?? ""));
    }

    internal sealed record WireEvent(
        [property: JsonPropertyName("t")] string Topic,
        [property: JsonPropertyName("p")] string? Payload,
        [property: JsonPropertyName("n")] string? Node);

    [JsonSerializable(typeof(WireEvent))]
    internal sealed partial class WireJsonContext : JsonSerializerContext;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1110, Level = LogLevel.Warning, Message = "Event listener connection failed; retrying in {Backoff}")]
        public static partial void ListenerFailed(ILogger logger, Exception exception, TimeSpan backoff);

        [LoggerMessage(EventId = 1111, Level = LogLevel.Information, Message = "Event listener reconnected; subscribers resynchronise")]
        public static partial void Reconnected(ILogger logger);

        [LoggerMessage(EventId = 1112, Level = LogLevel.Warning, Message = "Ignored a malformed notification on the event channel")]
        public static partial void MalformedNotification(ILogger logger);
    }
}
