using System.Runtime.InteropServices;
using System.Text.Json;

namespace ConversationHub.Bot.Benchmark;

/// <summary>
/// <c>bot load</c>: starts the platform on 127.0.0.1 in a child process (a throw-away SQLite database with the demo
/// city, or the PostgreSQL database given), opens N Direct Line conversations with their <c>streamUrl</c> sockets,
/// sends questions at a fixed rate and prints answers and messages per second, reply latency p50/p95/p99/max and
/// the server's memory per idle conversation; then the same for a plain Kestrel WebSocket echo server, the ceiling
/// of this machine. With <c>--channel line</c>, the citizens are on LINE instead: signed webhook events in, and the
/// latency up to the reply (or push) call that a LINE stand-in hosted here receives. Measure a Release build.
/// </summary>
internal static class BotLoadCommand
{
    public const int Success = 0;
    public const int UsageError = 2;
    public const int RunError = 1;
    public const int Interrupted = 130;

    public static async Task<int> RunAsync(string[] args, HostExecutable host, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(output);
        var arguments = LoadArguments.TryParse(args, out var error);
        if (arguments is null)
        {
            return await FailAsync(output, error!, UsageError, cancellationToken);
        }

        if (arguments.QueriesPath is { } path && !File.Exists(path))
        {
            return await FailAsync(output, $"cannot read '{path}': no such file.", UsageError, cancellationToken);
        }

        IReadOnlyList<string> questions;
        try
        {
            questions = await LoadQuestions.LoadAsync(arguments.QueriesPath, cancellationToken);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return await FailAsync(output, $"cannot read the questions: {e.Message}", UsageError, cancellationToken);
        }

        // kill (SIGTERM) and a closed terminal (SIGHUP) stop the run as Ctrl-C does, through the token: left to the
        // runtime they would end this process at once, and the servers it started would keep running, orphaned.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var terminated = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var hungUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);
        var scratch = Directory.CreateTempSubdirectory("hub-load-");
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { Timeout = TimeSpan.FromSeconds(30) };
            List<LoadRow> rows = arguments.Channel == LoadArguments.LineChannel
                ? [await RunLineAsync(arguments, host, questions, scratch.FullName, http, output, stop.Token)]
                :
                [
                    await RunPlatformAsync(arguments, host, questions, scratch.FullName, http, output, stop.Token),
                    await RunEchoAsync(arguments, host, questions, scratch.FullName, http, output, stop.Token),
                ];
            await LoadReportWriter.WriteAsync(output, arguments, rows, stop.Token);
            return Success;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The servers are already stopped: each one's await using ended on the way out.
            return await FailAsync(output, "stopped before the end; the servers it started are stopped too.", Interrupted, CancellationToken.None);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or InvalidDataException or JsonException
            or TaskCanceledException { InnerException: TimeoutException })
        {
            return await FailAsync(output, e.Message, RunError, CancellationToken.None);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }

        void Stop(PosixSignalContext context)
        {
            // A second signal ends this process at once, should the way out hang; its servers then stop by themselves.
            context.Cancel = !stop.IsCancellationRequested;
            stop.Cancel();
        }
    }

    private static async Task<LoadRow> RunPlatformAsync(
        LoadArguments arguments, HostExecutable host, IReadOnlyList<string> questions, string scratch, HttpClient http, TextWriter output, CancellationToken cancellationToken)
    {
        var secret = NewSecret();
        var environment = PlatformEnvironment(arguments, scratch);
        environment["DirectLine__Secret"] = secret;
        await Progress(output, arguments, "starting the platform …", cancellationToken);
        await using var platform = await LoadServerProcess.StartAsync(host, [], environment, scratch, "/readyz", http, cancellationToken);
        await Progress(output, arguments, $"platform ready on {platform.BaseAddress} (process {platform.ProcessId}); opening {arguments.Conversations} Direct Line conversations …", cancellationToken);
        return await LoadRunner.RunAsync("direct line", arguments.Provider, platform,
            m => new DirectLineLoadTarget(platform.BaseAddress, secret, http, m), arguments, questions, http,
            (message, ct) => Progress(output, arguments, message, ct), cancellationToken);
    }

    // The LINE channel with its production timings (batch window, poll interval), pointed at a LINE stand-in that this
    // process hosts on 127.0.0.1: there is no ceiling row, the figure that matters is webhook to reply call.
    private static async Task<LoadRow> RunLineAsync(
        LoadArguments arguments, HostExecutable host, IReadOnlyList<string> questions, string scratch, HttpClient http, TextWriter output, CancellationToken cancellationToken)
    {
        await using var stub = await LineLoadStub.StartAsync(cancellationToken);
        var secret = NewSecret();
        var environment = PlatformEnvironment(arguments, scratch);
        environment["Line__ChannelSecret"] = secret;
        environment["Line__ChannelAccessToken"] = NewSecret();
        environment["Line__ApiBaseUrl"] = stub.BaseAddress.ToString();
        environment["Line__DataApiBaseUrl"] = stub.BaseAddress.ToString();
        await Progress(output, arguments, $"LINE stand-in on {stub.BaseAddress}; starting the platform …", cancellationToken);
        await using var platform = await LoadServerProcess.StartAsync(host, [], environment, scratch, "/readyz", http, cancellationToken);
        await Progress(output, arguments, $"platform ready on {platform.BaseAddress} (process {platform.ProcessId}); {arguments.Conversations} LINE citizens follow the account …", cancellationToken);
        return await LoadRunner.RunAsync("line", arguments.Provider, platform,
            m => new LineLoadTarget(platform.BaseAddress, secret, http, stub, m), arguments, questions, http,
            (message, ct) => Progress(output, arguments, message, ct), cancellationToken);
    }

    private static Dictionary<string, string> PlatformEnvironment(LoadArguments arguments, string scratch) => new(StringComparer.Ordinal)
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Pii__KeyFile"] = Path.Combine(scratch, "keys", "pii-keys.json"),
        ["DemoCity__PasswordFile"] = Path.Combine(scratch, "demo-password.txt"),
        ["Database__Provider"] = arguments.ConnectionString is null ? "Sqlite" : "Postgres",
        ["ConnectionStrings__Hub"] = arguments.ConnectionString ?? $"Data Source={Path.Combine(scratch, "hub.db")}",
    };

    private static string NewSecret() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static async Task<LoadRow> RunEchoAsync(
        LoadArguments arguments, HostExecutable host, IReadOnlyList<string> questions, string scratch, HttpClient http, TextWriter output, CancellationToken cancellationToken)
    {
        await Progress(output, arguments, "starting the WebSocket echo ceiling …", cancellationToken);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["ASPNETCORE_ENVIRONMENT"] = "Production" };
        await using var echo = await LoadServerProcess.StartAsync(host, ["bot", "load-echo"], environment, scratch, LoadEchoServer.ReadyPath, http, cancellationToken);
        await Progress(output, arguments, $"echo ceiling ready on {echo.BaseAddress} (process {echo.ProcessId}); opening {arguments.Conversations} sockets …", cancellationToken);
        return await LoadRunner.RunAsync("websocket echo", "none", echo, m => new EchoLoadTarget(echo.BaseAddress, m), arguments, questions, http,
            (message, ct) => Progress(output, arguments, message, ct), cancellationToken);
    }

    // Progress goes to stderr with --json, so stdout stays one JSON object per line.
    private static Task Progress(TextWriter output, LoadArguments arguments, string message, CancellationToken cancellationToken) =>
        (arguments.Json ? Console.Error : output).WriteLineAsync($"bot load: {message}".AsMemory(), cancellationToken);

    private static async Task<int> FailAsync(TextWriter output, string message, int exitCode, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"bot load: {message}".AsMemory(), cancellationToken);
        if (exitCode == UsageError)
        {
            await output.WriteLineAsync(LoadArguments.Usage.AsMemory(), cancellationToken);
        }

        return exitCode;
    }
}
