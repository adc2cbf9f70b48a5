using System.Diagnostics.Metrics;
using ConversationHub.Handoff.Agents;
using ConversationHub.Handoff.Mail;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Handoff.Operations;

/// <summary>
/// The queue's state as metrics: conversations waiting, the longest wait, signed-in agents by state and the mail
/// outbox's depth. They are read from the shared database every <see cref="SampleEvery"/>, and only while something
/// (the Prometheus or OTLP exporter) listens, so a node without metrics pays nothing. Every node reports the same
/// platform-wide values; dashboards take the max over nodes.
/// </summary>
internal sealed partial class HandoffGauges : BackgroundService
{
    /// <summary>The handoff module's meter.</summary>
    public const string MeterName = "ConversationHub.Handoff";

    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(15);

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger<HandoffGauges> _logger;
    private readonly ObservableGauge<int>[] _instruments;
    private volatile Sample _latest = new(0, 0, 0, 0, 0, 0);

    public HandoffGauges(IServiceScopeFactory scopes, IMeterFactory meters, TimeProvider time, ILogger<HandoffGauges> logger)
    {
        _scopes = scopes;
        _time = time;
        _logger = logger;
        var meter = meters.Create(MeterName);
        _instruments =
        [
            meter.CreateObservableGauge("hub.queue.waiting", () => _latest.Waiting, "{conversation}", "Conversations waiting for a person"),
            meter.CreateObservableGauge("hub.queue.longest_wait", () => _latest.LongestWaitSeconds, "s", "How long the longest-waiting conversation has waited"),
            meter.CreateObservableGauge("hub.agents", () => (IEnumerable<Measurement<int>>)
            [
                new(_latest.Available, new KeyValuePair<string, object?>("state", "available")),
                new(_latest.Away, new KeyValuePair<string, object?>("state", "away")),
                new(_latest.SignedInOffline, new KeyValuePair<string, object?>("state", "offline")),
            ], "{agent}", "Agents with a live console, by state"),
            meter.CreateObservableGauge("hub.mail.outbox.depth", () => _latest.OutboxDepth, "{message}", "Mails waiting to be sent"),
        ];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SampleEvery, _time);
        do
        {
            if (!_instruments.Any(i => i.Enabled))
                continue;
            try
            {
                _latest = await SampleAsync(stoppingToken);
            }
            catch (Exception error) when (error is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogSampleFailed(_logger, error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<Sample> SampleAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var board = scope.ServiceProvider.GetRequiredService<QueueBoard>();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var now = _time.GetUtcNow().UtcDateTime;
        var waiting = await board.WaitingAsync(cancellationToken);
        var connected = await board.ConnectedAgentsAsync(cancellationToken);
        var states = await db.Agents.AsNoTracking().Select(a => new { a.AgentId, a.Status }).ToListAsync(cancellationToken);
        var live = states.Where(a => connected.Contains(a.AgentId)).ToList();
        var outbox = await db.MailOutbox.CountAsync(m => m.State == OutboundMailState.Pending || m.State == OutboundMailState.Sending, cancellationToken);
        return new Sample(
            waiting.Count,
            waiting.Count == 0 ? 0 : (int)waiting.Max(w => (now - w.WaitingSinceUtc).TotalSeconds),
            live.Count(a => a.Status == AgentStatus.Available),
            live.Count(a => a.Status == AgentStatus.Away),
            live.Count(a => a.Status == AgentStatus.Offline),
            outbox);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue metrics could not be sampled; the next sample tries again")]
    private static partial void LogSampleFailed(ILogger logger, Exception error);

    private sealed record Sample(int Waiting, int LongestWaitSeconds, int Available, int Away, int SignedInOffline, int OutboxDepth);
}
