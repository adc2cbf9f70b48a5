namespace ConversationHub.Host;

/// <summary>
/// Command-line verbs of the host (<c>dotnet run --project host -- &lt;verb&gt; …</c>). Without a verb the
/// host serves the platform.
/// </summary>
internal static class HostCommands
{
    public static Task<bool> TryRunAsync(string[] args)
    {
        // Verbs (faq eval, faq train, org import …) arrive with their issues; until then every argument list
        // starts the server, and ASP.NET Core reads --urls and other switches from it.
        ArgumentNullException.ThrowIfNull(args);
        return Task.FromResult(false);
    }
}
