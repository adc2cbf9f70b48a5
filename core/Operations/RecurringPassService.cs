using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Core.Operations;

/// <summary>
/// The shape of scheduled work on every node: a pass at once, then one after every <see cref="Interval"/> while
/// <see cref="Enabled"/>. Each pass claims what it does once across nodes itself (reports, ledgers, daily files,
/// disposals), so a node started late still does what no node has done. A failed pass is logged and the next retries.
/// </summary>
public abstract partial class RecurringPassService(TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>Whether passes run (read before each one, so a settings change applies without a restart).</summary>
    protected abstract bool Enabled { get; }

    /// <summary>The wait after a pass.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What a pass does, in a few words, for the log.</summary>
    protected abstract string PassName { get; }

    /// <summary>One pass.</summary>
    protected abstract Task RunPassAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (Enabled)
            {
                try
                {
                    await RunPassAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.PassFailed(logger, PassName, ex);
                }
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1190, Level = LogLevel.Warning, Message = "The {Pass} pass failed; the next pass retries.")]
        public static partial void PassFailed(ILogger logger, string pass, Exception exception);
    }
}
