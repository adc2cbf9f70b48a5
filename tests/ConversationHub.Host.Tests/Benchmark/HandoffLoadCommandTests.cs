using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Benchmark;

/// <summary>
/// <c>handoff load</c> (issue 14) run for real at a tiny scale, as an operator runs it: the host process starts the
/// platform as child processes, signs agents in on the SignalR hub and has citizens on Direct Line ask for an operator.
/// The tests check what it reports (every handoff offered, accepted and closed, no double assignment, no lost message)
/// and that it cleans up; how fast anything is stays the verb's report, never an assertion.
/// </summary>
public sealed class HandoffLoadCommandTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("hub-handoff-load-tests-");
    private readonly Dictionary<string, string> _environment;

    public HandoffLoadCommandTests() => _environment = new() { ["TMPDIR"] = _scratch.FullName };

    [Fact]
    public async Task Run_Sqlite_EveryHandoffAnsweredNothingLostNothingDoubled()
    {
        var ct = TestTimeout.Token(240);

        await using var run = await HostProcess.RunAsync(["handoff", "load", "--agents", "2", "--citizens", "6", "--rate", "6", "--messages", "2", "--json"], ct, _environment);

        var row = AssertReport(run, citizens: 6, messages: 2, nodes: 1, "sqlite");
        Assert.Equal(2, row.GetProperty("agents").GetInt32());
    }

    [Fact]
    public async Task Run_TwoNodesOnPostgres_MessagesCrossNodes()
    {
        var ct = TestTimeout.Token(300);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);

        await using var run = await HostProcess.RunAsync(
            ["handoff", "load", "--agents", "2", "--citizens", "4", "--rate", "4", "--messages", "1", "--provider", "postgres", "--connection", database.ConnectionString, "--nodes", "2", "--json"],
            ct, _environment);

        AssertReport(run, citizens: 4, messages: 1, nodes: 2, "postgres");
    }

    [Theory]
    [InlineData("--agents 0", "handoff load: bad argument --agents 0.")]
    [InlineData("--nodes 2", "handoff load: --nodes 2 needs PostgreSQL (--provider postgres --connection …): SQLite is one node's database.")]
    [InlineData("--provider postgres", "handoff load: --provider postgres and --connection go together.")]
    [InlineData("--citizens", "handoff load: --citizens needs a value.")]
    public async Task Run_BadArguments_SaysWhyAndStartsNothing(string arguments, string expected)
    {
        var ct = TestTimeout.Token(60);

        await using var run = await HostProcess.RunAsync(["handoff", "load", .. arguments.Split(' ')], ct, _environment);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected + "\nusage: handoff load", run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("starting platform", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _scratch.Delete(recursive: true);

    private JsonElement AssertReport(HostProcess run, int citizens, int messages, int nodes, string database)
    {
        Assert.True(run.ExitCode == 0, run.Output);
        var row = JsonDocument.Parse(run.StandardOutput.Trim()).RootElement;
        Assert.Equal((database, nodes, citizens), (row.GetProperty("database").GetString(), row.GetProperty("nodes").GetInt32(), row.GetProperty("citizens").GetInt32()));
        Assert.Equal(citizens, row.GetProperty("asked").GetInt32());
        // With the nodes' own output, so a shortfall on a loaded CI machine says what the nodes were doing.
        Assert.True(row.GetProperty("offered").GetInt32() == citizens, $"offered {row.GetProperty("offered").GetInt32()} of {citizens}:\n{run.Output}");
        Assert.True(row.GetProperty("accepted").GetInt32() == citizens, $"accepted {row.GetProperty("accepted").GetInt32()} of {citizens}:\n{run.Output}");
        Assert.Equal(citizens, row.GetProperty("closed").GetInt32());
        Assert.Equal(0, row.GetProperty("doubleAssignments").GetInt32());
        Assert.Equal(citizens * messages * 2, row.GetProperty("messagesSent").GetInt32());
        Assert.Equal(citizens * messages * 2, row.GetProperty("messagesDelivered").GetInt32());
        Assert.Equal(0, row.GetProperty("lostMessages").GetInt32());
        Assert.Equal(0, row.GetProperty("errors").GetInt32());
        Assert.True(row.GetProperty("offerP50Ms").GetDouble() > 0);
        Assert.True(row.GetProperty("offerP50Ms").GetDouble() <= row.GetProperty("offerP99Ms").GetDouble());
        Assert.True(row.GetProperty("agentToCitizenP50Ms").GetDouble() <= row.GetProperty("agentToCitizenP99Ms").GetDouble());
        Assert.True(row.GetProperty("serverCpuMsPerMessage").GetDouble() > 0);
        Assert.Empty(_scratch.GetDirectories("hub-handoff-load-*"));
        return row;
    }
}
