using System.Globalization;
using System.Text.Json;
using ConversationHub.Bot.Benchmark;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Benchmark;

/// <summary>
/// How <c>bot load</c> prints its rows: the table an operator reads (BotLoadCommandTests check the figures themselves
/// through <c>--json</c>), and the JSON lines with the per-conversation memory worked out.
/// </summary>
public sealed class LoadReportWriterTests
{
    private const long MB = 1024 * 1024;

    private static readonly LoadRow[] Rows =
    [
        new("direct line", "sqlite", 8, 8, 16, 15, 1, 1.88, 8.0, 24.5, 12.5, 30.24, 40, 41.5, 100 * MB, 102 * MB, 300 * MB, 304 * MB, 3.5),
        new("websocket echo", "none", 8, 8, 16, 16, 0, 1.88, 8.5, 8.5, 0.5, 0.74, 1, 1.25, 2 * MB, 3 * MB, 40 * MB, 40 * MB, 0.05),
    ];

    [Fact]
    public async Task Write_Table_OneColumnPerServerWithItsFigures()
    {
        // Arrange
        var ct = TestTimeout.Token();
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        // Act
        await LoadReportWriter.WriteAsync(output, Arguments(json: false), Rows, ct);

        // Assert
        var lines = output.ToString().Split('\n');
        Assert.Equal("bot load: 8 conversations, 8 questions/s for 2 s, open-loop; latency from the scheduled send", lines[0]);
        Assert.Equal(["direct line (sqlite)", "websocket echo (none)"], Cells(lines[2]));
        Assert.Equal(["15", "16"], Cells(Line(lines, "questions answered")));
        Assert.Equal(["1", "0"], Cells(Line(lines, "errors (failed or unanswered)")));
        Assert.Equal(["30.2", "0.7"], Cells(Line(lines, "reply latency p95 (ms)")));
        Assert.Equal(["3.50", "0.05"], Cells(Line(lines, "server CPU per question (ms)")));
        Assert.Equal(["256.0", "128.0"], Cells(Line(lines, "GC heap per idle conversation (KB)")));
        Assert.Equal(["512.0", "0.0"], Cells(Line(lines, "working set per idle conv. (KB)")));
    }

    [Fact]
    public async Task Write_Json_OneObjectPerRowWithPerConversationMemory()
    {
        // Arrange
        var ct = TestTimeout.Token();
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        // Act
        await LoadReportWriter.WriteAsync(output, Arguments(json: true), Rows, ct);

        // Assert
        var rows = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonSerializer.Deserialize<JsonElement>(line)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("direct line", rows[0].GetProperty("server").GetString());
        Assert.Equal(15, rows[0].GetProperty("answered").GetInt32());
        Assert.Equal(256 * 1024, rows[0].GetProperty("gcHeapPerConversationBytes").GetDouble());
        Assert.Equal(128 * 1024, rows[1].GetProperty("gcHeapPerConversationBytes").GetDouble());
    }

    private static LoadArguments Arguments(bool json) => new(8, 8, 2, "sqlite", null, null, json);

    private static string Line(string[] lines, string label) => lines.Single(line => line.StartsWith(label, StringComparison.Ordinal))[label.Length..];

    // The label column is 34 characters and each server's column 24, right-aligned.
    private static string[] Cells(string values) =>
        [.. values.TrimStart().Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
