using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConversationHub.Bot.Benchmark;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Npgsql;

namespace ConversationHub.Host.Tests.Benchmark;

/// <summary>
/// <c>bot load</c> (issue 5) run for real at a tiny scale, as an operator runs it: the host process starts the
/// platform and the echo ceiling as child processes, loads them over Direct Line and WebSockets and prints its rows.
/// These tests check what it reports and that it leaves no server behind; how fast anything is stays the verb's
/// report, never an assertion.
/// </summary>
public sealed partial class BotLoadCommandTests : IDisposable
{
    private const int Conversations = 8;
    private const int Rate = 8;
    private const int Duration = 2;
    private const int Questions = Rate * Duration;

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("hub-load-tests-");
    private readonly Dictionary<string, string> _environment;

    public BotLoadCommandTests()
    {
        // The run's temporary files (its throw-away database, the runtime's diagnostic sockets) go under this test's
        // folder, where the test can see that bot load removed its own; no fallback connection string from the machine.
        _environment = new() { ["TMPDIR"] = _scratch.FullName, ["HUB_LOAD_POSTGRES"] = "" };
    }

    [Fact]
    public async Task Run_Sqlite_AnswersEveryQuestionAndStopsItsServers()
    {
        // Arrange
        var ct = TestTimeout.Token(240);

        // Act
        await using var run = await HostProcess.RunAsync(TinyRun(), ct, _environment);

        // Assert
        AssertReport(run, "sqlite");
        AssertScratchRemoved();
    }

    [Fact]
    public async Task Run_EmptyPostgresOwnQueries_AnswersEveryQuestionAndStopsItsServers()
    {
        // Arrange: the empty database the verb asks for (the platform migrates it at start), and questions of our own
        // in the localgovFAQ queries format.
        var ct = TestTimeout.Token(240);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var queries = Path.Combine(_scratch.FullName, "queries.json");
        await File.WriteAllTextAsync(queries, """{"q1": "住民票はどこでもらえますか", "q2": "粗大ごみの出し方", "q3": "  "}""", ct);

        // Act
        await using var run = await HostProcess.RunAsync([.. TinyRun(), "--queries", queries, "--provider", "postgres", "--connection", database.ConnectionString], ct, _environment);

        // Assert: the platform ran on that database.
        AssertReport(run, "postgres");
        AssertScratchRemoved();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM conversations", connection);
        Assert.Equal(Conversations, Convert.ToInt32(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Run_LineChannel_EveryEventAnsweredInOneCallAndItsServersStopped()
    {
        // Arrange: 2 signed webhook events a second for 2 s, from 4 citizens who followed the account first.
        var ct = TestTimeout.Token(240);
        string[] lineRun = ["bot", "load", "--channel", "line", "--json", "--conversations", "4", "--rate", "2", "--duration", "2", "--warmup", "1"];

        // Act
        await using var run = await HostProcess.RunAsync(lineRun, ct, _environment);

        // Assert: one row, the platform's on LINE; each event answered by exactly one reply (or push) call.
        Assert.True(run.ExitCode == BotLoadCommand.Success, run.Output);
        var json = JsonSerializer.Deserialize<JsonElement>(Assert.Single(run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(("line", "sqlite", 4, 4), (json.GetProperty("server").GetString(), json.GetProperty("database").GetString(), json.GetProperty("conversations").GetInt32(), json.GetProperty("opened").GetInt32()));
        Assert.Equal((4, 4, 0), (json.GetProperty("sent").GetInt32(), json.GetProperty("answered").GetInt32(), json.GetProperty("errors").GetInt32()));
        Assert.Equal((1.0, 1), (json.GetProperty("replyCallsPerTurn").GetDouble(), json.GetProperty("maxReplyCallsPerTurn").GetInt32()));
        var (p50, p95, p99, max) = (Ms(json, "p50Ms"), Ms(json, "p95Ms"), Ms(json, "p99Ms"), Ms(json, "maxMs"));
        Assert.True(0 < p50 && p50 <= p95 && p95 <= p99 && p99 <= max, $"p50 {p50}, p95 {p95}, p99 {p99}, max {max}");
        Assert.True(json.GetProperty("messagesPerSecond").GetDouble() > 0, "the answers carried messages");
        AssertStopped(Server.Of(Assert.Single(ReadyLine().Matches(run.StandardError))));
        AssertScratchRemoved();
    }

    [Theory]
    [InlineData("--channel sms", "--channel must be directline or line, not 'sms'.")]
    [InlineData("--conversations 0", "--conversations must be a whole number from 1 to 20000, not '0'.")]
    [InlineData("--rate -1", "--rate must be a whole number from 1 to 10000, not '-1'.")]
    [InlineData("--provider mongo", "--provider must be sqlite or postgres, not 'mongo'.")]
    [InlineData("--provider postgres", "--provider postgres needs --connection (or HUB_LOAD_POSTGRES) with a PostgreSQL connection string.")]
    [InlineData("--threads 4", "unknown argument '--threads'.")]
    [InlineData("--duration", "--duration needs a value.")]
    [InlineData("--queries /nonexistent/queries.json", "cannot read '/nonexistent/queries.json': no such file.")]
    public async Task Run_BadArguments_PrintsWhyAndUsageAndStartsNoServer(string arguments, string message)
    {
        // Arrange
        var ct = TestTimeout.Token(60);

        // Act
        await using var run = await HostProcess.RunAsync(["bot", "load", .. arguments.Split(' ')], ct, _environment);

        // Assert
        AssertUsageError(run, message);
    }

    [Fact]
    public async Task Run_QueriesWithoutQuestions_PrintsWhyAndUsageAndStartsNoServer()
    {
        // Arrange
        var ct = TestTimeout.Token(60);
        var queries = Path.Combine(_scratch.FullName, "queries.json");
        await File.WriteAllTextAsync(queries, "{}", ct);

        // Act
        await using var run = await HostProcess.RunAsync(["bot", "load", "--queries", queries], ct, _environment);

        // Assert
        AssertUsageError(run, $"cannot read the questions: {queries} holds no questions.");
    }

    [Fact]
    public async Task Run_PlatformCannotStart_ExitsWithItsReasonAndStartsNothingElse()
    {
        // Arrange: nothing listens on port 1.
        var ct = TestTimeout.Token(120);
        string[] unreachable = ["--provider", "postgres", "--connection", "Host=127.0.0.1;Port=1;Username=hub;Database=none;Timeout=2"];

        // Act
        await using var run = await HostProcess.RunAsync([.. TinyRun(), .. unreachable], ct, _environment);

        // Assert: the platform's own last word is in the report; the echo ceiling was never started.
        Assert.True(run.ExitCode == BotLoadCommand.RunError, run.Output);
        Assert.StartsWith("bot load: The server exited with code 1:\n", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("ConversationHub could not start: Failed to connect to 127.0.0.1:1", run.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("bot load: starting the platform …\n", run.StandardError);
        AssertScratchRemoved();
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Run_SignalledWhileLoading_StopsItsServersAndExitsInterrupted(string signal)
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var run = HostProcess.Start(LongRun(), _environment);
        var platform = await PlatformReadyAsync(run, ct);

        // Act
        await SignalAsync(run.Id, signal, ct);
        await run.WaitForExitAsync(ct);

        // Assert
        AssertStopped(platform);
        AssertScratchRemoved();
        Assert.True(run.ExitCode == BotLoadCommand.Interrupted, run.Output);
        Assert.Equal("bot load: stopped before the end; the servers it started are stopped too.\n", run.StandardOutput);
    }

    [Fact]
    public async Task Run_KilledWhileLoading_ItsServerStopsByItself()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var run = HostProcess.Start(LongRun(), _environment);
        var platform = await PlatformReadyAsync(run, ct);

        // Act: kill -9 leaves bot load no way to stop its servers.
        await SignalAsync(run.Id, "KILL", ct);
        await run.WaitForExitAsync(ct);

        // Assert: the platform notices that its bot load process is gone and shuts down.
        try
        {
            await Eventually.UntilAsync(() => IsRunning(platform.ProcessId) ? null : "stopped", "the platform of a killed run to stop", ct);
        }
        finally
        {
            AssertStopped(platform);
        }
    }

    public void Dispose() => _scratch.Delete(recursive: true);

    /// <summary>A run far longer than any test: stopped by the test once its platform is ready.</summary>
    private static string[] LongRun() => ["bot", "load", "--json", "--conversations", "2", "--rate", "1", "--duration", "3600"];

    private static string[] TinyRun() =>
    [
        "bot", "load", "--json",
        "--conversations", Conversations.ToString(CultureInfo.InvariantCulture),
        "--rate", Rate.ToString(CultureInfo.InvariantCulture),
        "--duration", Duration.ToString(CultureInfo.InvariantCulture),
        "--warmup", "1",
    ];

    /// <summary>Why, then the usage, and nothing else: every server start is announced by a progress line first ("starting the platform …").</summary>
    private static void AssertUsageError(HostProcess run, string message)
    {
        Assert.Equal(BotLoadCommand.UsageError, run.ExitCode);
        Assert.Equal($"bot load: {message}\n{LoadArguments.Usage}\n", run.StandardOutput);
        Assert.Equal("", run.StandardError);
    }

    /// <summary>The run's own scratch folder (its throw-away SQLite database, its PII keys) is gone.</summary>
    private void AssertScratchRemoved() => Assert.Empty(_scratch.GetDirectories("hub-load-*"));

    private static void AssertReport(HostProcess run, string database)
    {
        Assert.True(run.ExitCode == BotLoadCommand.Success, run.Output);

        // With --json, stdout is one JSON object per row and nothing else (progress goes to stderr).
        var rows = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonSerializer.Deserialize<JsonElement>(line)).ToList();
        Assert.Equal(["direct line", "websocket echo"], rows.Select(row => row.GetProperty("server").GetString()));
        AssertRow(rows[0], database);
        AssertRow(rows[1], "none");
        Assert.True(rows[0].GetProperty("serverCpuMsPerQuestion").GetDouble() > 0, "a bot turn costs the platform some CPU time");

        // Each server is warmed up first (--warmup 1: 0.55 s × 8 questions/s ≈ 4 questions), and those are not
        // counted: every row has exactly the window's questions.
        Assert.Equal(2, run.StandardError.Split('\n').Count(line => line.StartsWith("bot load: warm-up: 4 of 4 answered", StringComparison.Ordinal)));

        var servers = ReadyLine().Matches(run.StandardError).Select(Server.Of).ToList();
        Assert.True(servers.Count == 2, run.StandardError);
        servers.ForEach(AssertStopped);
    }

    private static void AssertRow(JsonElement row, string database)
    {
        var server = row.GetProperty("server").GetString();
        Assert.Equal(database, row.GetProperty("database").GetString());
        Assert.Equal(Conversations, row.GetProperty("conversations").GetInt32());
        Assert.Equal(Conversations, row.GetProperty("opened").GetInt32());
        Assert.Equal(Questions, row.GetProperty("sent").GetInt32());
        Assert.Equal(Questions, row.GetProperty("answered").GetInt32());
        Assert.Equal(0, row.GetProperty("errors").GetInt32());
        Assert.True(row.GetProperty("answersPerSecond").GetDouble() > 0, server);

        // Open loop: the last question is due (sent - 1) / rate seconds after the first and none goes out early.
        Assert.True(row.GetProperty("durationSeconds").GetDouble() >= (Questions - 1) / (double)Rate - 0.01, server);

        var (p50, p95, p99, max) = (Ms(row, "p50Ms"), Ms(row, "p95Ms"), Ms(row, "p99Ms"), Ms(row, "maxMs"));
        Assert.True(0 < p50 && p50 <= p95 && p95 <= p99 && p99 <= max, $"{server}: p50 {p50}, p95 {p95}, p99 {p99}, max {max}");
        foreach (var memory in new[] { "gcHeapBeforeBytes", "gcHeapIdleBytes", "workingSetBeforeBytes", "workingSetIdleBytes" })
        {
            Assert.True(row.GetProperty(memory).GetInt64() > 0, $"{server}: {memory}");
        }

        Assert.True(row.GetProperty("serverCpuMsPerQuestion").GetDouble() >= 0, server);
    }

    private static async Task SignalAsync(int processId, string signal, CancellationToken ct)
    {
        using var kill = Process.Start("kill", ["-" + signal, processId.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(ct);
        Assert.Equal(0, kill.ExitCode);
    }

    private static double Ms(JsonElement row, string name) => row.GetProperty(name).GetDouble();

    private static async Task<Server> PlatformReadyAsync(HostProcess run, CancellationToken ct) =>
        Server.Of(ReadyLine().Match(await run.ErrorLineAsync(line => line.Contains("platform ready on", StringComparison.Ordinal), ct)));

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The server process is gone and nothing listens on its port; an orphan found here is killed, then reported.</summary>
    private static void AssertStopped(Server server)
    {
        if (IsRunning(server.ProcessId))
        {
            using var left = Process.GetProcessById(server.ProcessId);
            if (left.ProcessName == "dotnet")
            {
                left.Kill(entireProcessTree: true);
                Assert.Fail($"The server process {server.ProcessId} on {server.Address} outlived bot load.");
            }
        }

        using var client = new TcpClient();
        Assert.Throws<SocketException>(() => client.Connect(server.Address.Host, server.Address.Port));
    }

    [GeneratedRegex(@"ready on (?<address>\S+) \(process (?<process>\d+)\)")]
    private static partial Regex ReadyLine();

    /// <summary>A server that bot load started, as its progress line names it.</summary>
    private sealed record Server(int ProcessId, Uri Address)
    {
        public static Server Of(Match ready) =>
            new(int.Parse(ready.Groups["process"].Value, CultureInfo.InvariantCulture), new Uri(ready.Groups["address"].Value));
    }
}
