using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using ConversationHub.Bot.Benchmark;
using ConversationHub.Faq.Evaluation;
using ConversationHub.Host.DemoCity;

namespace ConversationHub.Host.HandoffLoad;

/// <summary>
/// <c>handoff load</c>: starts the platform on 127.0.0.1 in one or two child processes (a throw-away SQLite database, or
/// the PostgreSQL database given, which should be empty), with the contact center open and N extra operators; signs
/// the agents in on the real SignalR hub, opens the citizens' Direct Line conversations and has each ask for an
/// operator at a fixed rate. Agents accept every offer, both sides exchange marked messages, the agents close. Prints
/// handoff→offer latency, agent→citizen and citizen→agent delivery latency, double assignments and lost messages
/// (both must be 0), and the servers' CPU per message. Measure a Release build.
/// </summary>
internal static class HandoffLoadCommand
{
    public const int Success = 0;
    public const int RunError = 1;
    public const int UsageError = 2;
    public const int Interrupted = 130;

    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(90);
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<int> RunAsync(string[] args, HostExecutable host, TextWriter output, CancellationToken cancellationToken)
    {
        var arguments = HandoffLoadArguments.TryParse(args, out var error);
        if (arguments is null)
        {
            await output.WriteLineAsync($"handoff load: {error}\n{HandoffLoadArguments.Usage}".AsMemory(), cancellationToken);
            return UsageError;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var terminated = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var hungUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);
        var scratch = Directory.CreateTempSubdirectory("hub-handoff-load-");
        try
        {
            var row = await RunAsync(arguments, host, scratch.FullName, output, stop.Token);
            await WriteAsync(output, arguments, row, stop.Token);
            return row.DoubleAssignments == 0 && row.LostMessages == 0 ? Success : RunError;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await output.WriteLineAsync("handoff load: stopped before the end; the servers it started are stopped too.".AsMemory(), CancellationToken.None);
            return Interrupted;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or InvalidDataException or JsonException)
        {
            await output.WriteLineAsync($"handoff load: {e.Message}".AsMemory(), CancellationToken.None);
            return RunError;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = !stop.IsCancellationRequested;
            stop.Cancel();
        }
    }

    private static async Task<HandoffLoadRow> RunAsync(HandoffLoadArguments arguments, HostExecutable host, string scratch, TextWriter output, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { Timeout = TimeSpan.FromSeconds(30) };
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var password = "Load" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)) + "x";
        var environment = Environment(arguments, scratch, secret, password);
        var nodes = new List<LoadServerProcess>();
        try
        {
            for (var n = 0; n < arguments.Nodes; n++)
            {
                await Progress(output, arguments, $"starting platform node {n + 1} of {arguments.Nodes} …", cancellationToken);
                var node = await LoadServerProcess.StartAsync(host, [], environment, scratch, "/readyz", http, cancellationToken);
                nodes.Add(node);
                await Progress(output, arguments, $"node {n + 1} ready on {node.BaseAddress} (process {node.ProcessId})", cancellationToken);
            }

            var measurements = new HandoffLoadMeasurements();
            await Progress(output, arguments, $"signing in {arguments.Agents} agents on the SignalR hub …", cancellationToken);
            var agents = new List<LoadAgent>();
            var citizens = new List<LoadCitizen>();
            try
            {
                for (var i = 0; i < arguments.Agents; i++)
                {
                    agents.Add(await LoadAgent.ConnectAsync(nodes[i % nodes.Count].BaseAddress, DemoAccount.LoadOperatorName(i + 1), password, measurements, arguments.Messages, cancellationToken));
                }

                await Progress(output, arguments, $"opening {arguments.Citizens} Direct Line conversations …", cancellationToken);
                var opened = new LoadCitizen[arguments.Citizens];
                await Parallel.ForEachAsync(Enumerable.Range(0, arguments.Citizens), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
                {
                    // Citizens on the other node than most agents, when there are two: the messages cross nodes.
                    opened[i] = await LoadCitizen.OpenAsync(nodes[(i + 1) % nodes.Count].BaseAddress, secret, i, http, measurements, arguments.Messages, ct);
                });
                citizens.AddRange(opened);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);

                var cpuBefore = await CpuAsync(nodes, http, cancellationToken);
                await Progress(output, arguments, $"{arguments.Citizens} citizens ask for an operator at {arguments.Rate}/s …", cancellationToken);
                var started = Stopwatch.GetTimestamp();
                for (var i = 0; i < citizens.Count; i++)
                {
                    var due = TimeSpan.FromSeconds(i / (double)arguments.Rate) - Stopwatch.GetElapsedTime(started);
                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due, cancellationToken);
                    }

                    var citizen = citizens[i];
                    _ = AskAsync(citizen, measurements, cancellationToken);
                }

                var drainUntil = Stopwatch.GetTimestamp() + (long)(Drain.TotalSeconds * Stopwatch.Frequency);
                while (!measurements.AllClosed(arguments.Citizens) && Stopwatch.GetTimestamp() < drainUntil)
                {
                    await Task.Delay(250, cancellationToken);
                }

                var window = Stopwatch.GetElapsedTime(started).TotalSeconds;
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                var cpuAfter = await CpuAsync(nodes, http, cancellationToken);
                return Row(arguments, measurements, window, cpuAfter - cpuBefore);
            }
            finally
            {
                foreach (var citizen in citizens)
                {
                    await citizen.DisposeAsync();
                }

                foreach (var agent in agents)
                {
                    await agent.DisposeAsync();
                }
            }
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static async Task AskAsync(LoadCitizen citizen, HandoffLoadMeasurements measurements, CancellationToken cancellationToken)
    {
        try
        {
            await citizen.AskForOperatorAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            measurements.Error();
        }
    }

    // The contact center open all day around now, room for every citizen in the queue, the agents' chats and accounts.
    private static Dictionary<string, string> Environment(HandoffLoadArguments arguments, string scratch, string secret, string password)
    {
        var keyId = "load";
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["DirectLine__Secret"] = secret,
            ["Pii__ActiveKeyId"] = keyId,
            ["Pii__Keys__" + keyId] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Pii__LookupKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["DemoCity__Password"] = password,
            ["DemoCity__LoadOperators"] = arguments.Agents.ToString(CultureInfo.InvariantCulture),
            ["Database__Provider"] = arguments.ConnectionString is null ? "Sqlite" : "Postgres",
            ["ConnectionStrings__Hub"] = arguments.ConnectionString ?? $"Data Source={Path.Combine(scratch, "hub.db")}",
            ["Handoff__MaxQueueLength"] = (arguments.Citizens + 10).ToString(CultureInfo.InvariantCulture),
            ["Handoff__MaxConcurrentChats"] = arguments.ChatsPerAgent.ToString(CultureInfo.InvariantCulture),
        };
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        for (var i = -1; i <= 1; i++)
        {
            environment[$"Calendar__ExtraDays__{i + 1}__Date"] = today.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            environment[$"Calendar__ExtraDays__{i + 1}__Hours"] = "00:00-23:59";
        }

        return environment;
    }

    private static async Task<double> CpuAsync(List<LoadServerProcess> nodes, HttpClient http, CancellationToken cancellationToken)
    {
        var total = 0.0;
        foreach (var node in nodes)
        {
            total += (await node.ReadMemoryAsync(http, cancellationToken)).CpuMilliseconds;
        }

        return total;
    }

    private static HandoffLoadRow Row(HandoffLoadArguments arguments, HandoffLoadMeasurements m, double seconds, double cpuMs)
    {
        IReadOnlyList<double> offer = m.OfferMs, toCitizen = m.ToCitizenMs, toAgent = m.ToAgentMs;
        var delivered = toCitizen.Count + toAgent.Count;
        return new HandoffLoadRow(
            arguments.Provider, arguments.Nodes, arguments.Agents, arguments.Citizens, m.AskedCount, m.OfferedCount, m.GrantedConversations, m.ClosedCount,
            m.DoubleAssignments, m.RefusedAccepts, m.MessagesSent, delivered, m.LostToCitizen + m.LostToAgent, m.LostToCitizen, m.LostToAgent, m.Errors, Math.Round(seconds, 1),
            P(offer, 50), P(offer, 99), offer.Count == 0 ? 0 : Math.Round(offer.Max(), 1),
            P(toCitizen, 50), P(toCitizen, 99), P(toAgent, 50), P(toAgent, 99),
            delivered == 0 ? 0 : Math.Round(cpuMs / delivered, 2));

        static double P(IReadOnlyList<double> values, int percentile) => values.Count == 0 ? 0 : Math.Round(Percentile.NearestRank(values, percentile), 1);
    }

    private static async Task WriteAsync(TextWriter output, HandoffLoadArguments arguments, HandoffLoadRow row, CancellationToken cancellationToken)
    {
        if (arguments.Json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(row, JsonOptions).AsMemory(), cancellationToken);
            return;
        }

        var c = CultureInfo.InvariantCulture;
        string[] lines =
        [
            string.Format(c, "handoff load: {0} agents, {1} citizens asking at {2}/s, {3} messages each way per chat, {4} on {5} node(s)", row.Agents, row.Citizens, arguments.Rate, arguments.Messages, row.Database, row.Nodes),
            "",
            string.Format(c, "{0,-40}{1,12}", "handoffs asked / offered / accepted", $"{row.Asked} / {row.Offered} / {row.Accepted}"),
            string.Format(c, "{0,-40}{1,12}", "chats closed", row.Closed),
            string.Format(c, "{0,-40}{1,12}", "double assignments (must be 0)", row.DoubleAssignments),
            string.Format(c, "{0,-40}{1,12}", "accepts refused (offer taken meanwhile)", row.RefusedAccepts),
            string.Format(c, "{0,-40}{1,12}", "messages sent / delivered", $"{row.MessagesSent} / {row.MessagesDelivered}"),
            string.Format(c, "{0,-40}{1,12}", "lost messages (must be 0)", row.LostMessages),
            string.Format(c, "{0,-40}{1,12}", "  of them to citizens / to agents", $"{row.LostToCitizen} / {row.LostToAgent}"),
            string.Format(c, "{0,-40}{1,12}", "errors", row.Errors),
            string.Format(c, "{0,-40}{1,12:F1}", "handoff → offer p50 (ms)", row.OfferP50Ms),
            string.Format(c, "{0,-40}{1,12:F1}", "handoff → offer p99 (ms)", row.OfferP99Ms),
            string.Format(c, "{0,-40}{1,12:F1}", "handoff → offer max (ms)", row.OfferMaxMs),
            string.Format(c, "{0,-40}{1,12:F1}", "agent → citizen p50 (ms)", row.AgentToCitizenP50Ms),
            string.Format(c, "{0,-40}{1,12:F1}", "agent → citizen p99 (ms)", row.AgentToCitizenP99Ms),
            string.Format(c, "{0,-40}{1,12:F1}", "citizen → agent p50 (ms)", row.CitizenToAgentP50Ms),
            string.Format(c, "{0,-40}{1,12:F1}", "citizen → agent p99 (ms)", row.CitizenToAgentP99Ms),
            string.Format(c, "{0,-40}{1,12:F2}", "server CPU per delivered message (ms)", row.ServerCpuMsPerMessage),
            string.Format(c, "{0,-40}{1,12:F1}", "run (s)", row.Seconds),
        ];
        foreach (var line in lines)
        {
            await output.WriteLineAsync(line.AsMemory(), cancellationToken);
        }
    }

    // Progress goes to stderr with --json, so stdout stays one JSON object.
    private static Task Progress(TextWriter output, HandoffLoadArguments arguments, string message, CancellationToken cancellationToken) =>
        (arguments.Json ? Console.Error : output).WriteLineAsync($"handoff load: {message}".AsMemory(), cancellationToken);
}

/// <summary>The figures of one <c>handoff load</c> run; latencies in milliseconds, CPU of every node per delivered message.</summary>
internal sealed record HandoffLoadRow(
    string Database, int Nodes, int Agents, int Citizens, int Asked, int Offered, int Accepted, int Closed, int DoubleAssignments, int RefusedAccepts,
    int MessagesSent, int MessagesDelivered, int LostMessages, int LostToCitizen, int LostToAgent, int Errors, double Seconds, double OfferP50Ms, double OfferP99Ms, double OfferMaxMs,
    double AgentToCitizenP50Ms, double AgentToCitizenP99Ms, double CitizenToAgentP50Ms, double CitizenToAgentP99Ms, double ServerCpuMsPerMessage);
