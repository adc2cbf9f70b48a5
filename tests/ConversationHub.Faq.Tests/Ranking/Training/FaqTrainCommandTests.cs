using System.Text.Json;
using ConversationHub.Faq.Ranking.Features;
using ConversationHub.Faq.Ranking.Reranking;
using ConversationHub.Faq.Ranking.Training;

namespace ConversationHub.Faq.Tests.Ranking.Training;

public sealed class FaqTrainCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("faq-train-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task RunAsync_TinyDatasetWithFoldsAndOut_PrintsProgressAndWritesLoadableModel()
    {
        // Arrange
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        SyntheticFaqCorpus.WriteLocalGovFaq(SyntheticFaqCorpus.Create(topics: 40, seed: 11), _directory);
        var modelPath = Path.Combine(_directory, "models", "tiny.json");
        var output = new StringWriter();

        // Act
        var exitCode = await FaqTrainCommand.RunAsync(
            ["--from-dataset", _directory, "--folds", "2", "--seed", "3", "--out", modelPath], output, timeout.Token);

        // Assert
        var text = output.ToString();
        Assert.Equal(FaqTrainCommand.Success, exitCode);
        Assert.Contains("fold 1 member 1/", text, StringComparison.Ordinal);
        Assert.Contains("mean   hub+ltr", text, StringComparison.Ordinal);
        Assert.Contains("per fold: training", text, StringComparison.Ordinal);
        Assert.Contains("scoring p99", text, StringComparison.Ordinal);
        Assert.Contains("final member 5/5", text, StringComparison.Ordinal);
        var model = FaqRankingModelFile.Load(modelPath);
        Assert.Equal(FaqFeatureNames.All, model.FeatureNames);
        var card = await File.ReadAllTextAsync(Path.ChangeExtension(modelPath, ".md"), timeout.Token);
        Assert.Contains("## Cross-validation (2 folds by query, seed 3)", card, StringComparison.Ordinal);
        Assert.Contains("`confirmed_query_similarity`", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FoldsAsJson_ReportsMetricsAndCosts()
    {
        // Arrange
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        SyntheticFaqCorpus.WriteLocalGovFaq(SyntheticFaqCorpus.Create(topics: 40, seed: 11), _directory);
        var output = new StringWriter();

        // Act
        var exitCode = await FaqTrainCommand.RunAsync(
            ["--from-dataset", _directory, "--folds", "2", "--seed", "3", "--json"], output, timeout.Token);

        // Assert: one result line per fold and engine, and the costs of the fold models.
        Assert.Equal(FaqTrainCommand.Success, exitCode);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var mean = lines.Single(e => e.GetProperty("type").GetString() == "result"
            && e.GetProperty("fold").GetString() == "mean" && e.GetProperty("engine").GetString() == "hub+ltr");
        Assert.Equal(40, mean.GetProperty("queries").GetInt32());
        Assert.InRange(mean.GetProperty("ndcg10").GetDouble(), 0, 1);
        var costs = lines.Single(e => e.GetProperty("type").GetString() == "costs");
        Assert.True(costs.GetProperty("modelBytes").GetInt64() > 0);
        Assert.True(costs.GetProperty("trees").GetInt32() > 0);
    }

    [Theory]
    [InlineData(new[] { "--folds", "5" }, "--from-dataset")]
    [InlineData(new[] { "--from-dataset", "x", "--folds", "5", "--trainer", "ours" }, "--trainer")]
    [InlineData(new[] { "--from-dataset", "x", "--folds", "1" }, "--folds must be")]
    [InlineData(new[] { "--from-dataset", "x" }, "nothing to do")]
    [InlineData(new[] { "--from-dataset", "/nonexistent-dir", "--folds", "5" }, "no such file")]
    [InlineData(new[] { "--from-dataset", "x", "--folds", "5", "--signals", "all" }, "--signals must be")]
    public async Task RunAsync_BadArguments_ExitsWithUsageError(string[] args, string message)
    {
        // Arrange
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var output = new StringWriter();

        // Act
        var exitCode = await FaqTrainCommand.RunAsync(args, output, timeout.Token);

        // Assert
        Assert.Equal(FaqTrainCommand.UsageError, exitCode);
        Assert.Contains(message, output.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage: faq train", output.ToString(), StringComparison.Ordinal);
    }
}
