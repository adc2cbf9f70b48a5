using ConversationHub.Core.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Line.Infrastructure;

/// <summary>
/// A background sweep of the LINE channel: runs when woken by its signal or on the poll interval, logs a failed pass
/// and goes on. Does nothing while the channel is off.
/// </summary>
internal abstract partial class LineSweepService(WorkSignal signal, IOptionsMonitor<LineChannelOptions> options, ILogger logger) : BackgroundService
{
    /// <summary>The channel's current settings.</summary>
    protected LineChannelOptions Settings => options.CurrentValue;

    protected abstract Task SweepAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
                await signal.WaitAsync(options.CurrentValue.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.SweepFailed(logger, ex, GetType().Name);
                await Task.Delay(options.CurrentValue.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3340, Level = LogLevel.Error, Message = "LINE sweep {Sweep} failed")]
        public static partial void SweepFailed(ILogger logger, Exception exception, string sweep);
    }
}
