using ConversationHub.Faq.Ranking;
using ConversationHub.Faq.Ranking.Features;
using ConversationHub.Faq.Ranking.MlNet;
using ConversationHub.Faq.Ranking.Training;
using ConversationHub.Faq.Tests.Ranking.Training;
using Xunit.Abstractions;

namespace ConversationHub.Faq.Tests.Ranking.MlNet;

public sealed class MlNetRankerTrainerTests(ITestOutputHelper output)
{
    [Fact]
    public void Train_SmallCorpus_RerankedBeatsFirstStageOnHeldOutQueries()
    {
        // Arrange: 80 topics where first-stage BM25F prefers a decoy; train on 56 queries, score the other 24.
        var dataset = SyntheticFaqCorpus.Create(topics: 80, seed: 7);
        var queries = DatasetCandidates.Build(dataset, candidateCount: 50, NeutralFaqSignals.Instance, CancellationToken.None);
        var training = queries.Take(56).ToList();
        var heldOut = queries.Skip(56).ToList();

        // Act
        var split = RankingDatasetSplit.TrainValidation(FaqRankerTraining.ToDataset(training), 0.2, seed: 1);
        var model = new MlNetRankerTrainer(FaqRankerTraining.Parameters(1)).Train(split.Training, split.Validation, CancellationToken.None);
        var firstStage = RankedListMetrics.Compute(heldOut.Select(q => ((IReadOnlyList<string>)q.CandidateIds, q.Judgements)));
        var reranked = RankedListMetrics.Compute(heldOut.Select(q => ((IReadOnlyList<string>)Rerank(model, q), q.Judgements)));

        // Assert
        output.WriteLine($"held-out nDCG@10 first stage {firstStage.Ndcg10:0.0000}, re-ranked {reranked.Ndcg10:0.0000} ({model.Trees.TreeCount} trees)");
        Assert.Equal(24, reranked.Queries);
        Assert.True(
            reranked.Ndcg10 > firstStage.Ndcg10 + 0.1,
            $"re-ranked nDCG@10 {reranked.Ndcg10:0.0000} does not beat first stage {firstStage.Ndcg10:0.0000}");
    }

    [Fact]
    public void Score_FlatTrees_MatchMlNetTransformer()
    {
        // Arrange: relevance depends nonlinearly on three of eight features, so the trees split on several.
        var data = SyntheticRankingData.Nonlinear(queries: 120, candidates: 20, features: 8, seed: 5);
        var outer = RankingDatasetSplit.TrainValidation(data, 0.25, seed: 1);
        var inner = RankingDatasetSplit.TrainValidation(outer.Training, 0.2, seed: 2);
        var parameters = new MlNetRankerParameters { TreeCount = 60, MinLeafRows = 5, Seed = 3 };
        var model = new MlNetRankerTrainer(parameters).Train(inner.Training, inner.Validation, CancellationToken.None);
        var test = outer.Validation;

        // Act
        var expected = model.ScoreWithTransformer(test);
        var actual = new float[test.RowCount];
        model.Score(test.Features, actual);

        // Assert: the query path's flat copy ranks exactly as ML.NET scores.
        Assert.True(model.Trees.TreeCount > 1, $"kept {model.Trees.TreeCount} trees");
        Assert.Equal(expected.Length, actual.Length);
        for (var row = 0; row < actual.Length; row++)
            Assert.True(Math.Abs(expected[row] - actual[row]) <= 1e-4f * Math.Max(1f, Math.Abs(expected[row])), $"row {row}: ML.NET {expected[row]}, flat {actual[row]}");
        Assert.True(model.SavedSize() > 0);
    }

    [Fact]
    public void Train_NonlinearRelevance_BeatsBestSingleFeatureOnHeldOutQueries()
    {
        // Arrange: 300 queries × 30 candidates; relevance depends nonlinearly on 3 of 10 noisy features.
        // 20% of queries are held out for the test; 15% of the rest decide early stopping.
        var data = SyntheticRankingData.Nonlinear(queries: 300, candidates: 30, features: 10, seed: 2026);
        var outer = RankingDatasetSplit.TrainValidation(data, 0.2, seed: 1);
        var inner = RankingDatasetSplit.TrainValidation(outer.Training, 0.15, seed: 2);
        var parameters = new MlNetRankerParameters { TreeCount = 300, MaxLeaves = 15, MinLeafRows = 10 };

        // Act
        var model = new MlNetRankerTrainer(parameters).Train(inner.Training, inner.Validation, CancellationToken.None);
        var test = outer.Validation;
        var scores = new double[test.RowCount];
        for (var row = 0; row < scores.Length; row++)
            scores[row] = model.Trees.ScoreRow(test.Row(row));
        var modelNdcg = RankingMetrics.MeanNdcg(test, scores, 10);
        var (bestFeature, bestFeatureNdcg) = BestSingleFeature(test);

        // Assert
        output.WriteLine($"model nDCG@10 {modelNdcg:0.0000} ({model.Trees.TreeCount} trees); best single feature {bestFeature} {bestFeatureNdcg:0.0000}");
        Assert.True(
            modelNdcg > bestFeatureNdcg + 0.10,
            $"model nDCG@10 {modelNdcg:0.0000} does not clearly beat feature {bestFeature} at {bestFeatureNdcg:0.0000}");
    }

    [Fact]
    public async Task Score_ConcurrentCallers_AgreeWithOneCaller()
    {
        // Arrange
        var data = SyntheticRankingData.Nonlinear(queries: 80, candidates: 20, features: 6, seed: 9);
        var split = RankingDatasetSplit.TrainValidation(data, 0.2, seed: 1);
        var model = new MlNetRankerTrainer(new MlNetRankerParameters { TreeCount = 40, MinLeafRows = 5 })
            .Train(split.Training, split.Validation, CancellationToken.None);
        var features = data.Features.ToArray();
        var expected = new float[data.RowCount];
        model.Score(features, expected);

        // Act: one model, many threads, each with its own buffer.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            var scores = new float[data.RowCount];
            for (var round = 0; round < 20; round++)
                model.Score(features, scores);
            return scores;
        })));

        // Assert
        foreach (var scores in results)
            Assert.Equal(expected, scores);
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

    private static string[] Rerank(MlNetRankingModel model, CandidateQuery query)
    {
        var scores = new float[query.CandidateIds.Length];
        model.Score(query.Features, scores);
        var wide = scores.Select(s => (double)s).ToArray();
        var order = new int[wide.Length];
        RankingMetrics.RankOrder(wide, order);
        return [.. order.Select(i => query.CandidateIds[i])];
    }
}
