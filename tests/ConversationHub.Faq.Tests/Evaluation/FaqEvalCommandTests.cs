using System.Text.Json;
using ConversationHub.Faq.Evaluation;

namespace ConversationHub.Faq.Tests.Evaluation;

public sealed class FaqEvalCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("faq-eval-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, json);
        return path;
    }

    private string[] WriteTinyDataset()
    {
        var corpus = Write("corpus.json", JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["0"] = "Question: ゴミの出し方を知りたい。\nAnswer: 収集日の朝に出してください。＜改＞粗大ゴミは申込が必要です。\n",
            ["1"] = "Question: 住民票の写しを取りたい。\nAnswer: 市民課窓口かコンビニで取得できます。\n",
            ["2"] = "Question: 図書館の本を延長したい。\nAnswer: 貸出期間は2週間です。一回延長できます。\n",
        }));
        var queries = Write("queries.json", JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["q1"] = "ごみはいつ出せばいいですか",
            ["q2"] = "住民票がほしい",
            ["q3"] = "本の返却を延ばしたい",
            ["q4"] = "判定のない問い合わせ",
        }));
        var qrels = Write("qrels.json", JsonSerializer.Serialize(new Dictionary<string, Dictionary<string, int>>
        {
            ["q1"] = new() { ["0"] = 2 },
            ["q2"] = new() { ["1"] = 2 },
            ["q3"] = new() { ["2"] = 1 },
        }));
        return ["--corpus", corpus, "--queries", queries, "--qrels", qrels];
    }

    [Fact]
    public async Task RunAsync_TinyCorpusJson_PrintsOneLinePerEngine()
    {
        // Arrange
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var output = new StringWriter();

        // Act
        var exitCode = await FaqEvalCommand.RunAsync([.. WriteTinyDataset(), "--json"], output, timeout.Token);

        // Assert
        Assert.Equal(FaqEvalCommand.Success, exitCode);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var hub = JsonDocument.Parse(lines[0]);
        using var baseline = JsonDocument.Parse(lines[1]);
        Assert.Equal("hub", hub.RootElement.GetProperty("engine").GetString());
        Assert.Equal("sqlite-fts5", baseline.RootElement.GetProperty("engine").GetString());
        foreach (var key in new[] { "ndcg10", "mrr10", "recall10", "hit1A", "hit5A", "p50ms", "p99ms", "buildMs" })
            Assert.True(hub.RootElement.GetProperty(key).GetDouble() >= 0, key);
        Assert.Equal(3, hub.RootElement.GetProperty("queries").GetInt32());
        Assert.Equal(1.0, hub.RootElement.GetProperty("hit1A").GetDouble());
    }

    [Fact]
    public async Task RunAsync_TinyCorpusTable_PrintsBothEngines()
    {
        // Arrange
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var output = new StringWriter();

        // Act
        var exitCode = await FaqEvalCommand.RunAsync(WriteTinyDataset(), output, timeout.Token);

        // Assert
        Assert.Equal(FaqEvalCommand.Success, exitCode);
        Assert.Contains("nDCG@10", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("sqlite-fts5", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "missing --corpus, --queries, --qrels")]
    [InlineData(new[] { "--corpus" }, "--corpus needs a value")]
    [InlineData(new[] { "--colour", "red" }, "unknown argument '--colour'")]
    [InlineData(new[] { "--corpus", "c", "--queries", "q", "--qrels", "r", "--top", "ten" }, "--top must be")]
    public async Task RunAsync_BadArguments_ExitsWithUsageError(string[] args, string message)
    {
        // Arrange
        var output = new StringWriter();

        // Act
        var exitCode = await FaqEvalCommand.RunAsync(args, output, CancellationToken.None);

        // Assert
        Assert.Equal(FaqEvalCommand.UsageError, exitCode);
        Assert.Contains(message, output.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage:", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingFile_ExitsWithUsageError()
    {
        // Arrange
        var args = WriteTinyDataset();
        args[1] = Path.Combine(_directory, "absent.json");
        var output = new StringWriter();

        // Act
        var exitCode = await FaqEvalCommand.RunAsync(args, output, CancellationToken.None);

        // Assert
        Assert.Equal(FaqEvalCommand.UsageError, exitCode);
        Assert.Contains("absent.json", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CorpusNotJson_ExitsWithUsageError()
    {
        // Arrange
        var args = WriteTinyDataset();
        args[1] = Write("broken.json", "{ not json");
        var output = new StringWriter();

        // Act
        var exitCode = await FaqEvalCommand.RunAsync(args, output, CancellationToken.None);

        // Assert
        Assert.Equal(FaqEvalCommand.UsageError, exitCode);
        Assert.Contains("cannot read the evaluation data", output.ToString(), StringComparison.Ordinal);
    }
}
