using ConversationHub.Faq.Benchmark;
using ConversationHub.Faq.Evaluation;
using ConversationHub.Faq.Ranking.Training;

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
            ["faq", "bench", .. var rest] => await FaqBenchCommand.RunAsync(rest, Console.Out, cancel.Token),
            ["faq", "train", .. var rest] => await FaqTrainCommand.RunAsync(rest, Console.Out, cancel.Token),
            _ => null,
        };
    }
}
