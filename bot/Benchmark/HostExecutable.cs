namespace ConversationHub.Bot.Benchmark;

/// <summary>
/// How to start the host again as a child process: its apphost, or <c>dotnet</c> with the host's dll as the first
/// argument when the host itself was started that way.
/// </summary>
internal sealed record HostExecutable(string FileName, IReadOnlyList<string> LeadingArguments)
{
    public static HostExecutable OfCurrentProcess(string entryAssemblyPath)
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("The path of the running executable is unknown.");
        return string.Equals(Path.GetFileNameWithoutExtension(path), "dotnet", StringComparison.OrdinalIgnoreCase)
            ? new HostExecutable(path, [entryAssemblyPath])
            : new HostExecutable(path, []);
    }
}
