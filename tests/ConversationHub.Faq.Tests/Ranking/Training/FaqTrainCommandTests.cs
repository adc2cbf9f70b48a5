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
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        SyntheticFaqCorpus.WriteLocalGovFaq(SyntheticFaqCorpus.Create(topics: 40, seed: 11), _directory);
        var modelPath = Path.Combine(_directory, "models", "tiny.json");
        var output = new StringWriter();

        // Act
        var exitCode = await FaqTrainCommand.RunAsync(
            ["--from-dataset", _directory, "--folds", "2", "--seed", "3", "--out", modelPath], output, timeout.Token);

        // Assert
        var text = output.ToString();
        Assert.Equal(FaqTrainCommand.Success, exitCode);
        Assert.Contains("fold 1 iteration   1/500: train nDCG@10", text, StringComparison.Ordinal);
        Assert.Contains("mean   hub+ltr", text, StringComparison.Ordinal);
        Assert.Contains("final iteration", text, StringComparison.Ordinal);
        var model = FaqRankingModelFile.Load(modelPath);
        Assert.Equal(FaqFeatureNames.All, model.FeatureNames);
        var card = await File.ReadAllTextAsync(Path.ChangeExtension(modelPath, ".md"), timeout.Token);
        Assert.Contains("## Cross-validation (2 folds by query, seed 3)", card, StringComparison.Ordinal);
        Assert.Contains("`confirmed_query_similarity`", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TrainerAll_ComparesEveryTrainerOnTheSameFolds()
    {
        // Arrange
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        SyntheticFaqCorpus.WriteLocalGovFaq(SyntheticFaqCorpus.Create(topics: 40, seed: 11), _directory);
        var output = new StringWriter();

        // Act
        var exitCode = await FaqTrainCommand.RunAsync(
            ["--from-dataset", _directory, "--folds", "2", "--seed", "3", "--trainer", "all", "--json"], output, timeout.Token);

        // Assert: a comparison line per trainer (and first stage), each over all 40 queries.
        Assert.Equal(FaqTrainCommand.Success, exitCode);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
            .Where(e => e.GetProperty("type").GetString() == "comparison")
            .ToDictionary(e => e.GetProperty("trainer").GetString()!, StringComparer.Ordinal);
        Assert.Equal(["fasttree", "fasttree-avg5", "first-stage", "lightgbm", "lightgbm-avg5", "ours"], lines.Keys.Order(StringComparer.Ordinal));
        foreach (var trainer in TrainerComparison.AllTrainers)
        {
            Assert.Equal(40, lines[trainer].GetProperty("queries").GetInt32());
            Assert.True(lines[trainer].GetProperty("modelBytes").GetInt64() > 0, trainer);
            Assert.InRange(lines[trainer].GetProperty("ndcg10").GetDouble(), 0, 1);
        }
    }

    [Fact]
    public async Task RunAsync_TrainerAllAsText_PrintsComparisonTable()
    {
        // Arrange
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        SyntheticFaqCorpus.WriteLocalGovFaq(SyntheticFaqCorpus.Create(topics: 20, seed: 4), _directory);
        var output = new StringWriter();

        // Act
        var exitCode = await FaqTrainCommand.RunAsync(
            ["--from-dataset", _directory, "--folds", "2", "--trainer", "lightgbm"], output, timeout.Token);

        // Assert
        var text = output.ToString();
        Assert.Equal(FaqTrainCommand.Success, exitCode);
        Assert.Contains("comparison: 2 folds by query, seed 1", text, StringComparison.Ordinal);
        Assert.Contains("first-stage ", text, StringComparison.Ordinal);
        Assert.Contains("lightgbm ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("fasttree", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--folds", "5" }, "--from-dataset")]
    [InlineData(new[] { "--from-dataset", "x", "--folds", "5", "--trainer", "xgboost" }, "--trainer must be")]
    [InlineData(new[] { "--from-dataset", "x", "--out", "m.json", "--trainer", "all" }, "cannot be combined with --out")]
    [InlineData(new[] { "--from-dataset", "x", "--folds", "1" }, "--folds must be")]
    [InlineData(new[] { "--from-dataset", "x" }, "nothing to do")]
    [InlineData(new[] { "--from-dataset", "/nonexistent-dir", "--folds", "5" }, "no such file")]
    [InlineData(new[] { "--from-dataset", "x", "--folds", "5", "--signals", "all" }, "--signals must be")]
    public async Task RunAsync_BadArguments_ExitsWithUsageError(string[] args, string message)
    {
        // Arrange
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var output = new StringWriter();

        // Act
        var exitCode = await FaqTrainCommand.RunAsync(args, output, timeout.Token);

        // Assert
        Assert.Equal(FaqTrainCommand.UsageError, exitCode);
        Assert.Contains(message, output.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage: faq train", output.ToString(), StringComparison.Ordinal);
    }
}
