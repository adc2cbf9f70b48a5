using ConversationHub.Faq.Evaluation;

namespace ConversationHub.Host;

/// <summary>
/// Command-line verbs of the host (<c>dotnet run --project host -- &lt;verb&gt; …</c>). Without a verb the
/// host serves the platform.
/// </summary>
internal static class HostCommands
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        // Verbs arrive with their issues (faq train, org import …); any other argument list starts the server,
        // and ASP.NET Core reads --urls and other switches from it.
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length >= 2 && args[0] == "faq" && args[1] == "eval")
        {
            var exitCode = await FaqEvalCommand.RunAsync(args[2..], Console.Out, CancellationToken.None);

            // Program.cs returns 0 after any verb, so a failing verb has to end the process with its own code.
            if (exitCode != 0)
                Environment.Exit(exitCode);
            return true;
        }

        return false;
    }
}
