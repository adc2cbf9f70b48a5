using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace ConversationHub.Bot.Benchmark;

/// <summary>
/// A server that <c>bot load</c> measures, in its own process on 127.0.0.1, so that its memory is only the server's.
/// Its output is drained and kept (the last lines) for the error message when it does not get ready.
/// </summary>
internal sealed class LoadServerProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 40;
    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly string _secret;

    private LoadServerProcess(Process process, Uri baseAddress, string secret)
    {
        _process = process;
        BaseAddress = baseAddress;
        _secret = secret;
    }

    public Uri BaseAddress { get; }

    /// <summary>The server's process id, printed with the progress lines so that an operator (or a test) can tell it is gone.</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// Starts <paramref name="host"/> with <paramref name="arguments"/> (and <c>--urls</c> on a free port) and waits
    /// until <paramref name="readyPath"/> answers 200. The environment gets the memory endpoint's secret and this
    /// process's id, so that the server stops by itself if this process is killed before it can stop the server.
    /// </summary>
    public static async Task<LoadServerProcess> StartAsync(
        HostExecutable host, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory,
        string readyPath, HttpClient http, CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var start = new ProcessStartInfo(host.FileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in host.LeadingArguments.Concat(arguments).Concat(["--urls", baseAddress.ToString().TrimEnd('/')]))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["Bot__LoadDiagnostics__Secret"] = secret;
        start.Environment["Bot__LoadDiagnostics__ParentProcessId"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host.FileName}.");
        var server = new LoadServerProcess(process, baseAddress, secret);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitReadyAsync(readyPath, http, TimeSpan.FromMinutes(3), cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The server's memory after a forced full collection (its <c>/_load/memory</c> endpoint).</summary>
    public async Task<ServerMemory> ReadMemoryAsync(HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, LoadDiagnosticsApi.Path));
        request.Headers.Add(LoadDiagnosticsApi.SecretHeader, _secret);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ServerMemory>(cancellationToken)
            ?? throw new InvalidDataException("The memory endpoint answered JSON null.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // A throw-away server: its database is deleted afterwards, so there is nothing to shut down cleanly.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitReadyAsync(string readyPath, HttpClient http, TimeSpan within, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode}:\n{OutputTail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, readyPath), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        throw new TimeoutException($"The server was not ready within {within.TotalSeconds} s:\n{OutputTail()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > KeptOutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    private string OutputTail()
    {
        lock (_output)
        {
            return string.Join('\n', _output);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
