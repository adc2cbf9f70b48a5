using System.Text.Json;
using ConversationHub.Faq.Benchmark;
using ConversationHub.Testing;

namespace ConversationHub.Faq.Tests.Benchmark;

public sealed class FaqBenchCommandTests
{
    [Fact]
    public async Task RunAsync_SyntheticCorpus_PrintsEveryMetric()
    {
        using var output = new StringWriter();

        var code = await FaqBenchCommand.RunAsync(["--count", "200", "--updates", "10"], output, TestTimeout.Token());

        var text = output.ToString();
        Assert.Equal(FaqBenchCommand.Success, code);
        foreach (var metric in new[] { "200 FAQs", "full rebuild (cold)", "upsert one FAQ", "query (top 10)", "suggest (prefix)" })
            Assert.Contains(metric, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Profile_PrintsRebuildStagesAndBothRebuildKinds()
    {
        using var output = new StringWriter();

        var code = await FaqBenchCommand.RunAsync(["--count", "200", "--updates", "5", "--profile"], output, TestTimeout.Token());

        var text = output.ToString();
        Assert.Equal(FaqBenchCommand.Success, code);
        foreach (var metric in new[] { "full rebuild (fresh, best)", "full rebuild (warm, best)", "rebuild stages, one thread (CPU time):", "ICU segmentation", "same through icu.net", "postings (snapshot)" })
            Assert.Contains(metric, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TinyCorpusAsJson_ReplicatesToCount()
    {
        // Arrange
        var directory = Directory.CreateTempSubdirectory("faq-bench-").FullName;
        try
        {
            var corpus = Path.Combine(directory, "corpus.json");
            var queries = Path.Combine(directory, "queries.json");
            await File.WriteAllTextAsync(corpus, JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["0"] = "Question: ゴミの出し方を知りたい。\nAnswer: 収集日の朝に出してください。\n",
                ["1"] = "Question: 住民票の写しを取りたい。\nAnswer: 市民課窓口かコンビニで取得できます。\n",
            }), TestTimeout.Token());
            await File.WriteAllTextAsync(queries, JsonSerializer.Serialize(new Dictionary<string, string> { ["q1"] = "ごみ", ["q2"] = "住民票がほしい" }), TestTimeout.Token());
            using var output = new StringWriter();

            // Act
            var code = await FaqBenchCommand.RunAsync(["--corpus", corpus, "--queries", queries, "--count", "200", "--updates", "5", "--json"], output, TestTimeout.Token());

            // Assert
            Assert.Equal(FaqBenchCommand.Success, code);
            using var json = JsonDocument.Parse(output.ToString());
            Assert.Equal(200, json.RootElement.GetProperty("faqs").GetInt32());
            Assert.Equal(2, json.RootElement.GetProperty("queries").GetInt32());
            Assert.True(json.RootElement.GetProperty("suggestP99Ms").GetDouble() >= 0);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("--count", "0")]
    [InlineData("--corpus", "/no/such/file.json")]
    [InlineData("--bogus")]
    public async Task RunAsync_BadArguments_PrintsUsage(params string[] args)
    {
        using var output = new StringWriter();

        var code = await FaqBenchCommand.RunAsync(args, output, TestTimeout.Token());

        Assert.Equal(FaqBenchCommand.UsageError, code);
        Assert.Contains("usage: faq bench", output.ToString(), StringComparison.Ordinal);
    }
}
