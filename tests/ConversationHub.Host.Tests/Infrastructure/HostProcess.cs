using System.Diagnostics;

namespace ConversationHub.Host.Tests.Infrastructure;

/// <summary>
/// The real host process as an operator starts it: <c>dotnet ConversationHub.Host.dll …</c> from the tests' output
/// folder, in an empty working directory of its own, settings as switches or environment variables. Its stdout and
/// stderr are kept line by line, so a test can wait for a progress line while it runs. Disposing kills it with its
/// children if it is still running, so a hung run cannot outlive the test.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _workingDirectory;
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];

    private HostProcess(Process process, string workingDirectory)
    {
        _process = process;
        _workingDirectory = workingDirectory;
    }

    public int Id => _process.Id;

    public int ExitCode => _process.ExitCode;

    public string StandardOutput => Joined(_stdout);

    public string StandardError => Joined(_stderr);

    /// <summary>Both streams, stderr first: where the host writes why it stopped.</summary>
    public string Output => StandardError + StandardOutput;

    public static HostProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory.CreateTempSubdirectory("hub-host-process-").FullName,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ConversationHub.Host.dll") },
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var host = new HostProcess(process, start.WorkingDirectory);
        process.OutputDataReceived += (_, e) => Keep(host._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(host._stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Starts the host with <paramref name="arguments"/> and waits for it to exit.</summary>
    public static async Task<HostProcess> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var host = Start(arguments, environment);
        try
        {
            await host.WaitForExitAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for the exit and for the end of both streams.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>The first stderr line that <paramref name="match"/> accepts, once the host has written it.</summary>
    public Task<string> ErrorLineAsync(Func<string, bool> match, CancellationToken cancellationToken) =>
        Eventually.UntilAsync(
            () =>
            {
                lock (_stderr)
                {
                    return _stderr.FirstOrDefault(match) ?? (_process.HasExited ? throw new InvalidOperationException($"The host exited without that line:\n{Output}") : null);
                }
            },
            "a line of the host on stderr",
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_workingDirectory, recursive: true);
    }

    private static void Keep(List<string> lines, string? line)
    {
        if (line is null)
            return;
        lock (lines)
            lines.Add(line);
    }

    private static string Joined(List<string> lines)
    {
        lock (lines)
            return string.Concat(lines.Select(l => l + "\n"));
    }
}
