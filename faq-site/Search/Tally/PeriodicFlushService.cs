using Microsoft.Extensions.Hosting;

namespace ConversationHub.Faq.Search.Tally;

/// <summary>
/// Writes counts kept in memory to the database every <see cref="Interval"/> and once more at shutdown, so that a search
/// never waits for the database. Subclasses say what one flush writes.
/// </summary>
internal abstract class PeriodicFlushService : BackgroundService
{
    /// <summary>How often the counts are written.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    /// <summary>Writes what is counted now (also called by tests, so they need not wait for the timer).</summary>
    internal abstract Task FlushAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync flushes what is left.
        }
    }
}
