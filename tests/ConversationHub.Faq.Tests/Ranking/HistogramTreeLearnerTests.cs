using ConversationHub.Faq.Ranking;

namespace ConversationHub.Faq.Tests.Ranking;

public sealed class HistogramTreeLearnerTests
{
    [Fact]
    public void Fit_StepFunctionWithSquaredError_SplitsAtTheStep()
    {
        // Arrange: y = x0 > 0.5 ? 1 : 0, x1 is noise; x0 on a 1/100 grid so no bin straddles the step.
        var (data, x) = UniformData(rows: 2000, features: 2, seed: 1, gridFeature0: true);
        var target = new double[data.RowCount];
        for (var row = 0; row < target.Length; row++)
            target[row] = x[row, 0] > 0.5f ? 1 : 0;
        var options = new TreeLearnerOptions { MaxLeaves = 2, MinLeafRows = 5, L2Regularization = 0, MinLeafHessian = 1e-9 };

        // Act
        var predictions = Boost(data, target, options, rounds: 1, shrinkage: 1.0, out var trees);

        // Assert
        Assert.Equal(1, trees[0].NodeCount);
        Assert.Equal(0, trees[0].SplitFeatures[0]);
        Assert.InRange(trees[0].Thresholds[0], 0.49f, 0.51f);
        Assert.True(MeanSquaredError(predictions, target) < 1e-6);
    }

    [Fact]
    public void Fit_LinearTargetWithSquaredError_ReachesLowError()
    {
        // Arrange: y = 2 * x1, a smooth target the trees must approximate piecewise.
        var (data, x) = UniformData(rows: 5000, features: 3, seed: 2);
        var target = new double[data.RowCount];
        for (var row = 0; row < target.Length; row++)
            target[row] = 2 * x[row, 1];
        var options = new TreeLearnerOptions { MaxLeaves = 16, MinLeafRows = 10 };

        // Act
        var predictions = Boost(data, target, options, rounds: 60, shrinkage: 0.3, out var trees);

        // Assert: the target's variance is 1/3; the fit must explain almost all of it.
        Assert.True(MeanSquaredError(predictions, target) < 0.002, $"MSE {MeanSquaredError(predictions, target)}");
        // The first trees must find the only informative feature; later ones chase tiny residuals anywhere.
        Assert.All(trees.Take(3), tree => Assert.All(tree.SplitFeatures, feature => Assert.Equal(1, feature)));
    }

    [Fact]
    public void Fit_MinLeafRowsAndMaxDepth_EveryLeafRespectsThem()
    {
        // Arrange
        var (data, x) = UniformData(rows: 1000, features: 4, seed: 3);
        var gradients = new double[data.RowCount];
        for (var row = 0; row < gradients.Length; row++)
            gradients[row] = Math.Sin(10 * x[row, 0]) + x[row, 2];
        var hessians = Enumerable.Repeat(1.0, data.RowCount).ToArray();
        var learner = new HistogramTreeLearner(
            FeatureBins.Build(data, 64), new TreeLearnerOptions { MaxLeaves = 64, MaxDepth = 3, MinLeafRows = 40 });

        // Act
        var tree = learner.Fit(gradients, hessians, AllRows(data), data.RowCount, [0, 1, 2, 3], 1.0);

        // Assert
        var leafSizes = new int[tree.LeafCount];
        for (var row = 0; row < data.RowCount; row++)
            leafSizes[tree.GetLeaf(data.Row(row))]++;
        Assert.All(leafSizes, size => Assert.True(size >= 40, $"leaf of {size} rows"));
        Assert.True(tree.LeafCount <= 8, $"{tree.LeafCount} leaves at depth 3");
        Assert.True(tree.LeafCount > 4);
    }

    [Fact]
    public void Fit_FeatureSubset_SplitsOnlyOnGivenFeatures()
    {
        // Arrange: the target depends on x0, but only x1 and x2 may be used.
        var (data, x) = UniformData(rows: 1000, features: 3, seed: 4);
        var target = new double[data.RowCount];
        for (var row = 0; row < target.Length; row++)
            target[row] = x[row, 0];
        var learner = new HistogramTreeLearner(FeatureBins.Build(data, 255), new TreeLearnerOptions());
        var gradients = target.Select(y => -y).ToArray();
        var hessians = Enumerable.Repeat(1.0, data.RowCount).ToArray();

        // Act
        var tree = learner.Fit(gradients, hessians, AllRows(data), data.RowCount, [1, 2], 1.0);

        // Assert
        Assert.DoesNotContain(0, tree.SplitFeatures);
    }

    private static double[] Boost(
        RankingDataset data, double[] target, TreeLearnerOptions options, int rounds, double shrinkage, out List<RegressionTree> trees)
    {
        var learner = new HistogramTreeLearner(FeatureBins.Build(data, 255), options);
        var predictions = new double[data.RowCount];
        var gradients = new double[data.RowCount];
        var hessians = Enumerable.Repeat(1.0, data.RowCount).ToArray();
        var features = Enumerable.Range(0, data.FeatureCount).ToArray();
        trees = [];
        for (var round = 0; round < rounds; round++)
        {
            for (var row = 0; row < data.RowCount; row++)
                gradients[row] = predictions[row] - target[row]; // d/dp of (p - y)² / 2
            var tree = learner.Fit(gradients, hessians, AllRows(data), data.RowCount, features, shrinkage);
            trees.Add(tree);
            for (var row = 0; row < data.RowCount; row++)
                predictions[row] += tree.Predict(data.Row(row));
        }

        return predictions;
    }

    private static double MeanSquaredError(double[] predictions, double[] target) =>
        predictions.Zip(target, (p, y) => (p - y) * (p - y)).Average();

    private static int[] AllRows(RankingDataset data) => Enumerable.Range(0, data.RowCount).ToArray();

    private static (RankingDataset Data, float[,] X) UniformData(int rows, int features, ulong seed, bool gridFeature0 = false)
    {
        var random = new DeterministicRandom(seed);
        var x = new float[rows, features];
        var values = new float[rows * features];
        for (var row = 0; row < rows; row++)
        {
            for (var f = 0; f < features; f++)
            {
                var value = (float)random.NextDouble();
                if (f == 0 && gridFeature0)
                    value = MathF.Floor(value * 100) / 100;
                values[(row * features) + f] = x[row, f] = value;
            }
        }

        // One query holding every row: the tree learner does not look at query groups.
        var data = new RankingDatasetBuilder(SyntheticRankingData.FeatureNames(features))
            .AddQuery("all", values, new int[rows])
            .Build();
        return (data, x);
    }
}
