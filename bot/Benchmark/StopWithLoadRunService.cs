using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Benchmark;

/// <summary>
/// Stops a server that <c>bot load</c> started once the <c>bot load</c> process is gone, however it ended. The command
/// stops its servers itself on every way out it sees (the end, a failure, Ctrl-C, SIGTERM), but not after
/// <c>kill -9</c> or the out-of-memory killer, which a run of thousands of sockets can meet; without this, the server
/// would keep its port and memory until someone found it. A node without
/// <see cref="LoadDiagnosticsOptions.ParentProcessId"/> (every real one) does nothing here.
/// </summary>
internal sealed partial class StopWithLoadRunService(
    IOptions<LoadDiagnosticsOptions> options, IHostApplicationLifetime lifetime, ILogger<StopWithLoadRunService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ParentProcessId is not { } parentId)
        {
            return;
        }

        try
        {
            using var parent = Process.GetProcessById(parentId);
            await parent.WaitForExitAsync(stoppingToken);
        }
        catch (ArgumentException)
        {
            // Gone before this server was ready.
        }

        Log.LoadRunGone(logger, parentId);
        lifetime.StopApplication();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3900, Level = LogLevel.Warning, Message = "The bot load process {ProcessId} is gone; stopping the server it started")]
        public static partial void LoadRunGone(ILogger logger, int processId);
    }
}
