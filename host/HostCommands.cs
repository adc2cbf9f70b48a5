using ConversationHub.Bot.Benchmark;
using ConversationHub.Faq.Benchmark;
using ConversationHub.Faq.Evaluation;
using ConversationHub.Core;
using ConversationHub.Core.Persistence;
using ConversationHub.Faq;
using ConversationHub.Faq.Ranking.History;
using ConversationHub.Faq.Ranking.Training;
using ConversationHub.Host.Logs;

namespace ConversationHub.Host;

/// <summary>
/// Command-line verbs of the host (<c>dotnet run --project host -- &lt;verb&gt; …</c>). Without a verb the
/// host serves the platform, and ASP.NET Core reads <c>--urls</c> and other switches from the arguments.
/// </summary>
internal static class HostCommands
{
    /// <summary>Runs a verb and returns its exit code, or null when the arguments name no verb.</summary>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        return args switch
        {
            ["faq", "eval", .. var rest] => await FaqEvalCommand.RunAsync(rest, Console.Out, cancel.Token),
            ["faq", "csv", "bench", .. var rest] => await FaqCsv.FaqCsvBenchCommand.RunAsync(rest, Console.Out, cancel.Token),
            ["faq", "bench", .. var rest] => await FaqBenchCommand.RunAsync(rest, Console.Out, cancel.Token),
            ["faq", "train", .. var rest] when FaqTrainCommand.UsesPlatform(rest) =>
                await RunOnPlatformAsync((services, ct) => FaqTrainCommand.RunOnPlatformAsync(services, rest, Console.Out, ct), cancel.Token),
            ["faq", "train", .. var rest] => await FaqTrainCommand.RunAsync(rest, Console.Out, cancel.Token),
            ["faq", "models", .. var rest] => await RunOnPlatformAsync((services, ct) => FaqModelsCommand.RunAsync(services, rest, Console.Out, ct), cancel.Token),
            ["bot", "load", .. var rest] => await BotLoadCommand.RunAsync(rest, HostExecutable.OfCurrentProcess(typeof(HostCommands).Assembly.Location), Console.Out, cancel.Token),
            ["handoff", "load", .. var rest] => await HandoffLoad.HandoffLoadCommand.RunAsync(rest, HostExecutable.OfCurrentProcess(typeof(HostCommands).Assembly.Location), Console.Out, cancel.Token),
            ["voice", "load", .. var rest] => await VoiceLoad.VoiceLoadCommand.RunAsync(rest, Console.Out, cancel.Token),
            ["postal", "import", .. var rest] => await Postal.PostalCommand.ImportAsync(rest, Console.Out, cancel.Token),
            ["cases", "bench", .. var rest] => await Cases.CasesBenchCommand.RunAsync(rest, Console.Out, cancel.Token),
            ["admin", "retention", "run", .. var rest] =>
                await RunOnPlatformAsync((services, ct) => Admin.AdminRetentionCommand.RunAsync(services, rest, Console.Out, ct), cancel.Token, allModules: true),
            ["programs", "dispose", .. var rest] =>
                await RunOnPlatformAsync((services, ct) => Admin.ProgramDisposeCommand.RunAsync(services, rest, Console.Out, ct), cancel.Token, allModules: true),
            ["reports", "bench", .. var rest] => await ReportsBench.ReportsBenchCommand.RunAsync(rest, Console.Out, cancel.Token),
            ["programs", "roster", "bench", .. var rest] => await ProgramsBench.RosterBenchCommand.RunAsync(rest, Console.Out, cancel.Token),
            ["admin", "audit", "verify"] => await RunOnPlatformAsync((services, ct) => Admin.AdminAuditCommand.VerifyAsync(services, Console.Out, ct), cancel.Token),
            ["admin", "backup" or "restore", ..] => await Admin.AdminBackupCommand.RunAsync(args[1..], HostSetup.CreateBuilder([]).Configuration, Console.Out, cancel.Token),
            ["postal", "bench", .. var rest] => await Postal.PostalCommand.BenchAsync(rest, Console.Out, cancel.Token),
            ["bot", "load-echo", .. var rest] => await LoadEchoServer.RunAsync(rest, cancel.Token), // the ceiling's child process, started by bot load
            _ => null,
        };
    }

    /// <summary>
    /// Runs a verb that works on the platform's database: the configured core and FAQ services (every module's with
    /// <paramref name="allModules"/>), migrations applied, no web server and no background service started. Settings
    /// come from appsettings and the environment, as when serving.
    /// </summary>
    private static async Task<int> RunOnPlatformAsync(Func<IServiceProvider, CancellationToken, Task<int>> verb, CancellationToken cancellationToken, bool allModules = false)
    {
        var builder = HostSetup.CreateBuilder([]);
        // stdout is the verb's output (some print --json): logs go to stderr.
        if (allModules)
        {
            builder.AddModules(HubLogging.ConsoleStream.StandardError);
        }
        else
        {
            builder.AddHubLogging(HubLogging.ConsoleStream.StandardError);
            builder.AddCore();
            builder.AddFaq();
        }

        await using var app = builder.Build();
        foreach (var context in app.Services.GetServices<IMigratableContext>())
            await context.MigrateAsync(app.Services, cancellationToken);
        return await verb(app.Services, cancellationToken);
    }
}
