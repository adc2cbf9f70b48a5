using System.Diagnostics;
using ConversationHub.Faq.Ranking;
using Xunit.Abstractions;

namespace ConversationHub.Faq.Tests.Ranking;

[Trait("Category", "Performance")]
[Collection(RankingTimingCollection.Name)]
public sealed class LambdaMartPerformanceTests(ITestOutputHelper output)
{
    [OptimizedBuildFact]
    public void Train_50kRows40Features300Trees_UnderOneMinute()
    {
        // Arrange: 1,667 queries × 30 candidates × 40 features.
        var data = SyntheticRankingData.Nonlinear(queries: 1667, candidates: 30, features: 40, seed: 5);
        var parameters = new LambdaMartParameters { TreeCount = 300, EarlyStoppingRounds = 0 };

        // Act
        var stopwatch = Stopwatch.StartNew();
        var model = new LambdaMartTrainer().Train(data, null, parameters);
        stopwatch.Stop();

        // Assert
        output.WriteLine($"trained {data.RowCount} rows × {data.FeatureCount} features × {model.Trees.Count} trees " +
                         $"in {stopwatch.Elapsed.TotalSeconds:0.00} s on {Environment.ProcessorCount} cores; training nDCG@10 {model.Metadata.TrainingNdcg:0.0000}");
        Assert.Equal(300, model.Trees.Count);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromMinutes(1), $"training took {stopwatch.Elapsed}");
    }

    [OptimizedBuildFact]
    public void Score_50Candidates300Trees_WithinLatencyBudget()
    {
        // Arrange
        var data = SyntheticRankingData.Nonlinear(queries: 200, candidates: 30, features: 40, seed: 6);
        var parameters = new LambdaMartParameters { TreeCount = 300, MinLeafRows = 5, EarlyStoppingRounds = 0 };
        var model = new LambdaMartTrainer().Train(data, null, parameters);
        var candidates = new float[50 * 40];
        var random = new DeterministicRandom(1);
        for (var i = 0; i < candidates.Length; i++)
            candidates[i] = (float)random.NextDouble();
        var scores = new float[50];
        for (var warmUp = 0; warmUp < 200; warmUp++)
            model.Score(candidates, scores);

        // Act: three rounds; the best p99 counts, since other processes on a shared machine preempt this one.
        var p50 = double.MaxValue;
        var p99 = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var timings = new double[2000];
            for (var i = 0; i < timings.Length; i++)
            {
                var started = Stopwatch.GetTimestamp();
                model.Score(candidates, scores);
                timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            Array.Sort(timings);
            p50 = Math.Min(p50, timings[timings.Length / 2]);
            p99 = Math.Min(p99, timings[(int)(timings.Length * 0.99)]);
        }

        // Assert: the budget is p99 ≤ 3 ms. A p99 measures the scheduler, not the scorer, when more threads want
        // the CPU than it has (the shared build box often runs at a load of 2-4 per core), so there only the median
        // is held to account.
        var nodes = model.Trees.Sum(tree => tree.NodeCount);
        var load = OneMinuteLoadAverage();
        output.WriteLine($"scoring 50 candidates × {model.Trees.Count} trees ({nodes} nodes): p50 {p50:0.000} ms, p99 {p99:0.000} ms; " +
                         $"load {load:0.0} on {Environment.ProcessorCount} cores");
        Assert.True(p50 < 1, $"p50 {p50} ms");
        if (load < Environment.ProcessorCount)
            Assert.True(p99 < 3, $"p99 {p99} ms");
    }

    private static double OneMinuteLoadAverage()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path))
            return 0;
        var first = File.ReadAllText(path).Split(' ')[0];
        return double.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
    }
}
