using System.Text.Json;
using ConversationHub.Host.ReportsBench;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Reports;

/// <summary>
/// <c>reports bench</c> at a tiny scale (issue 18): it fills, folds every generated event with the real roll-up, times
/// each report and the report pages over real HTTP, and prints JSON of the documented shape.
/// </summary>
public sealed class ReportsBenchTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("hub-reports-bench-tests-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task ReportsBench_TinyScaleJson_ReportsEveryReportAndPage()
    {
        // Arrange
        var ct = TestTimeout.Token(300);
        var environment = new Dictionary<string, string> { ["TMPDIR"] = _scratch.FullName };

        // Act
        await using var run = await HostProcess.RunAsync(["reports", "bench", "--conversations", "2000", "--runs", "1", "--json"], ct, environment);

        // Assert
        Assert.True(run.ExitCode == 0, run.Output);
        using var json = JsonDocument.Parse(run.StandardOutput.Trim());
        var root = json.RootElement;
        Assert.Equal("sqlite", root.GetProperty("provider").GetString());
        var scale = root.GetProperty("scale");
        Assert.Equal(2000, scale.GetProperty("conversations").GetInt64());
        Assert.Equal(20_000, scale.GetProperty("messages").GetInt64());
        Assert.Equal(400, scale.GetProperty("calls").GetInt64());
        Assert.Equal(200, scale.GetProperty("cases").GetInt64());
        var events = scale.GetProperty("contactEvents").GetInt64();
        Assert.InRange(events, 5000, 20_000);
        Assert.Equal(events, root.GetProperty("fill").GetProperty("foldedEvents").GetInt64());
        var reports = root.GetProperty("reports").EnumerateArray().ToList();
        Assert.Equal(BenchedReports.All.Select(r => r.Name), reports.Select(r => r.GetProperty("name").GetString()));
        Assert.All(reports, r => Assert.True(r.GetProperty("medianMs").GetDouble() > 0));
        Assert.Contains(reports, r => r.GetProperty("targetMs").ValueKind == JsonValueKind.Number && r.GetProperty("met").ValueKind is JsonValueKind.True or JsonValueKind.False);
        var pages = root.GetProperty("pages").EnumerateArray().ToList();
        Assert.Equal(5, pages.Count);
        Assert.Contains(pages, p => p.GetProperty("name").GetString()!.StartsWith("GET /console/reports/monthly?month=", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.GetProperty("name").GetString()!.StartsWith("GET /console/reports/final?from=", StringComparison.Ordinal));
        Assert.All(pages, p => Assert.Equal(200, p.GetProperty("status").GetInt32()));
        Assert.All(pages, p => Assert.Equal(1000, p.GetProperty("targetMs").GetDouble()));
    }

    [Fact]
    public async Task ReportsBench_BadArgument_ExitsWithoutFilling()
    {
        // Arrange
        var environment = new Dictionary<string, string> { ["TMPDIR"] = _scratch.FullName };

        // Act
        await using var run = await HostProcess.RunAsync(["reports", "bench", "--conversations", "ten"], TestTimeout.Token(60), environment);

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("reports bench: bad argument --conversations ten.", run.Output, StringComparison.Ordinal);
        Assert.Empty(_scratch.GetDirectories());
    }
}
