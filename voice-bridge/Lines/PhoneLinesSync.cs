using ConversationHub.Core.Events;
using ConversationHub.VoiceBridge.Calls;
using ConversationHub.VoiceBridge.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConversationHub.VoiceBridge.Lines;

/// <summary>
/// Keeps this node's <see cref="PhoneLines"/> equal to the table: loads it at start (after the migrations and the seed,
/// which run before any other hosted service) and reloads on <see cref="PhoneLineTopics.Changed"/> from another node or
/// after the event bus reconnects (events may have been missed). The node that made a change reloads before answering
/// (<see cref="ChangedAsync"/>), so its own reply and its next call already see it.
/// </summary>
internal sealed partial class PhoneLinesSync(IServiceScopeFactory scopes, PhoneLines lines, IHubEvents events, ILogger<PhoneLinesSync> logger)
    : IHostedService, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HubSubscriptions _subscriptions = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribe first: a change between the load and the subscription would otherwise be missed until the next one.
        _subscriptions.Add(events.Subscribe(PhoneLineTopics.Changed, (e, ct) => e.OriginNodeId == events.NodeId ? Task.CompletedTask : ReloadAsync(ct)));
        _subscriptions.Add(events.Subscribe(HubEventTopics.Reconnected, (_, ct) => ReloadAsync(ct)));
        await ReloadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscriptions.Dispose();
        _gate.Dispose();
    }

    /// <summary>After a change was saved here: reload this node, then tell the others.</summary>
    public async Task ChangedAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        await events.PublishAsync(PhoneLineTopics.Changed, "", cancellationToken);
    }

    /// <summary>Reads every line and replaces the cache; one reload at a time, so an older read never replaces a newer one.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VoiceDbContext>();
            var stored = await db.Lines.AsNoTracking().ToListAsync(cancellationToken);
            lines.Publish(stored);
            var forwarding = stored.Count(l => l.Enabled && l.EmergencyOn);
            Log.Loaded(logger, stored.Count, forwarding);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5400, Level = LogLevel.Information, Message = "Phone lines loaded: {Count} lines, {Forwarding} forwarding")]
        public static partial void Loaded(ILogger logger, int count, int forwarding);
    }
}
