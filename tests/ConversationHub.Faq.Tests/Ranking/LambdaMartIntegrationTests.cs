using ConversationHub.Faq.Ranking;
using Xunit.Abstractions;

namespace ConversationHub.Faq.Tests.Ranking;

public sealed class LambdaMartIntegrationTests(ITestOutputHelper output)
{
    [Fact]
    public void Train_NonlinearRelevance_BeatsBestSingleFeatureOnHeldOutQueries()
    {
        // Arrange: 300 queries × 30 candidates; relevance depends nonlinearly on 3 of 10 noisy features.
        // 20% of queries are held out for the test; 15% of the rest decide early stopping.
        var data = SyntheticRankingData.Nonlinear(queries: 300, candidates: 30, features: 10, seed: 2026);
        var outer = RankingDatasetSplit.TrainValidation(data, 0.2, seed: 1);
        var inner = RankingDatasetSplit.TrainValidation(outer.Training, 0.15, seed: 2);
        var parameters = new LambdaMartParameters { TreeCount = 300, MaxLeaves = 15, MinLeafRows = 10, EarlyStoppingRounds = 30 };

        // Act
        var model = new LambdaMartTrainer().Train(inner.Training, inner.Validation, parameters);
        var test = outer.Validation;
        var modelNdcg = RankingMetrics.MeanNdcg(test, SyntheticRankingData.ScoreRows(model, test), 10);
        var (bestFeature, bestFeatureNdcg) = BestSingleFeature(test);

        // Assert
        output.WriteLine($"model nDCG@10 {modelNdcg:0.0000} ({model.Trees.Count} trees); best single feature {bestFeature} {bestFeatureNdcg:0.0000}");
        Assert.True(
            modelNdcg > bestFeatureNdcg + 0.10,
            $"model nDCG@10 {modelNdcg:0.0000} does not clearly beat feature {bestFeature} at {bestFeatureNdcg:0.0000}");
    }

    /// <summary>The best nDCG@10 from ranking by one feature, either direction.</summary>
    private static (string Feature, double Ndcg) BestSingleFeature(RankingDataset data)
    {
        var best = (Feature: string.Empty, Ndcg: double.NegativeInfinity);
        var scores = new double[data.RowCount];
        for (var f = 0; f < data.FeatureCount; f++)
        {
            foreach (var sign in new[] { 1.0, -1.0 })
            {
                for (var row = 0; row < data.RowCount; row++)
                    scores[row] = sign * data.Feature(row, f);
                var ndcg = RankingMetrics.MeanNdcg(data, scores, 10);
                if (ndcg > best.Ndcg)
                    best = ($"{(sign > 0 ? "+" : "-")}{data.FeatureNames[f]}", ndcg);
            }
        }

        return best;
    }
}
