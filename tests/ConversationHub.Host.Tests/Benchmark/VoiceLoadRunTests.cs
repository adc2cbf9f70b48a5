using ConversationHub.Host.VoiceLoad;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Benchmark;

/// <summary>
/// <c>voice load</c> (issue 16, "Measured") run for real at a tiny scale: the platform in this process on SQLite, the
/// stand-in ACS timing every event from the inside, five scripted calls. The test checks what the run reports (every call
/// completed and closed, no duplicate play or SMS, every timed event followed by our request, each kind of event seen);
/// how fast anything is stays the verb's report, never an assertion.
/// </summary>
public sealed class VoiceLoadRunTests
{
    [Fact]
    public async Task RunAsync_FiveCallsOnSqlite_AllCompletedNothingLostOrDoubledEveryEventTimed()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        var arguments = VoiceLoadArguments.TryParse(["--calls", "5"], out var error)!;
        Assert.Null(error);

        // Act
        var row = await VoiceLoadRun.RunAsync(arguments, _ => Task.CompletedTask, ct);

        // Assert: three callers hang up, two hear goodbye after three unknown keys (2 × 4 more events).
        Assert.Equal((5, 5, 0, 0, 0), (row.Calls, row.Completed, row.NotAnswered, row.Lost, row.NotEndedOnOurSide));
        Assert.Equal((0, 5, 0), (row.DuplicatePlays, row.SmsSent, row.DuplicateSms));
        Assert.Equal(5 * 5 + 2 * 4, row.EventsTimed);
        Assert.Equal(0, row.EventsWithoutRequest);
        Assert.Equal(row.EventsTimed, row.Overall.Count);
        Assert.Equal(row.EventsTimed, row.OverallFromAck.Count);
        var counts = row.ByEvent.ToDictionary(l => l.Event, l => l.Count, StringComparer.Ordinal);
        Assert.Equal(5, counts[VoiceLoadMeasurements.IncomingCall]);
        Assert.Equal(5, counts[VoiceLoadMeasurements.CallConnected]);
        Assert.Equal(5 * 2 + 2 * 3, counts[VoiceLoadMeasurements.RecognizeDtmf]);
        Assert.Equal(5, counts[VoiceLoadMeasurements.RecognizeSpeech]);
        Assert.Equal(2, counts[VoiceLoadMeasurements.PlayCompleted]);
        Assert.Equal(5, row.BotTurn.Count);
        Assert.True(row.Overall.P50Ms > 0 && row.CpuMsPerCall > 0 && row.PeakWorkingSetMb > 0);
    }

    [Theory]
    [InlineData("--calls 0", "bad argument --calls 0.")]
    [InlineData("--nodes 2", "--nodes 2 needs PostgreSQL (--provider postgres --connection …): SQLite is one node's database.")]
    [InlineData("--provider postgres", "--provider postgres and --connection go together.")]
    [InlineData("--calls", "--calls needs a value.")]
    public void TryParse_BadArguments_SaysWhy(string arguments, string expected)
    {
        // Act
        var parsed = VoiceLoadArguments.TryParse(arguments.Split(' '), out var error);

        // Assert
        Assert.Null(parsed);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_NoArguments_TwoHundredCallsOnOneSqliteNode()
    {
        // Act
        var parsed = VoiceLoadArguments.TryParse([], out var error);

        // Assert
        Assert.Null(error);
        Assert.Equal(new VoiceLoadArguments(200, 1, null, false), parsed);
        Assert.Equal("sqlite", parsed!.Provider);
    }
}
