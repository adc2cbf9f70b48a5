using ConversationHub.Faq.Ranking;
using ConversationHub.Faq.Ranking.Features;
using ConversationHub.Faq.Ranking.MlNet;
using ConversationHub.Faq.Ranking.Training;
using ConversationHub.Faq.Tests.Ranking.Training;
using Xunit.Abstractions;

namespace ConversationHub.Faq.Tests.Ranking.MlNet;

public sealed class MlNetRankerTrainerTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(nameof(MlNetTrainerKind.LightGbm))]
    [InlineData(nameof(MlNetTrainerKind.FastTree))]
    public void Train_SmallCorpus_RerankedBeatsFirstStageOnHeldOutQueries(string trainer)
    {
        var kind = Enum.Parse<MlNetTrainerKind>(trainer);
        // Arrange: 80 topics where first-stage BM25F prefers a decoy; train on 56 queries, score the other 24.
        var dataset = SyntheticFaqCorpus.Create(topics: 80, seed: 7);
        var queries = DatasetCandidates.Build(dataset, candidateCount: 50, NeutralFaqSignals.Instance, CancellationToken.None);
        var training = queries.Take(56).ToList();
        var heldOut = queries.Skip(56).ToList();

        // Act
        var model = TrainerComparison.TrainMlNet(kind, training, seed: 1, CancellationToken.None);
        var firstStage = RankedListMetrics.Compute(heldOut.Select(q => ((IReadOnlyList<string>)q.CandidateIds, q.Judgements)));
        var reranked = RankedListMetrics.Compute(heldOut.Select(q => ((IReadOnlyList<string>)Rerank(model, q), q.Judgements)));

        // Assert
        output.WriteLine($"{kind}: held-out nDCG@10 first stage {firstStage.Ndcg10:0.0000}, re-ranked {reranked.Ndcg10:0.0000} ({model.Trees.TreeCount} trees)");
        Assert.Equal(24, reranked.Queries);
        Assert.True(
            reranked.Ndcg10 > firstStage.Ndcg10 + 0.1,
            $"{kind} re-ranked nDCG@10 {reranked.Ndcg10:0.0000} does not beat first stage {firstStage.Ndcg10:0.0000}");
    }

    [Theory]
    [InlineData(nameof(MlNetTrainerKind.LightGbm))]
    [InlineData(nameof(MlNetTrainerKind.FastTree))]
    public void Score_FlatTrees_MatchMlNetTransformer(string trainer)
    {
        var kind = Enum.Parse<MlNetTrainerKind>(trainer);
        // Arrange: relevance depends nonlinearly on three of eight features, so the trees split on several.
        var data = SyntheticRankingData.Nonlinear(queries: 120, candidates: 20, features: 8, seed: 5);
        var outer = RankingDatasetSplit.TrainValidation(data, 0.25, seed: 1);
        var inner = RankingDatasetSplit.TrainValidation(outer.Training, 0.2, seed: 2);
        var parameters = new MlNetRankerParameters { TreeCount = 60, MinLeafRows = 5, Seed = 3 };
        var model = new MlNetRankerTrainer(kind, parameters).Train(inner.Training, inner.Validation, CancellationToken.None);
        var test = outer.Validation;

        // Act
        var expected = model.ScoreWithTransformer(test);
        var actual = new float[test.RowCount];
        model.Score(test.Features, actual);

        // Assert: the query path's flat copy ranks exactly as ML.NET scores.
        Assert.True(model.Trees.TreeCount > 1, $"{kind} kept {model.Trees.TreeCount} trees");
        Assert.Equal(expected.Length, actual.Length);
        for (var row = 0; row < actual.Length; row++)
            Assert.True(Math.Abs(expected[row] - actual[row]) <= 1e-4f * Math.Max(1f, Math.Abs(expected[row])), $"row {row}: ML.NET {expected[row]}, flat {actual[row]}");
        Assert.True(model.SavedSize() > 0);
    }

    [Fact]
    public async Task Score_ConcurrentCallers_AgreeWithOneCaller()
    {
        // Arrange
        var data = SyntheticRankingData.Nonlinear(queries: 80, candidates: 20, features: 6, seed: 9);
        var split = RankingDatasetSplit.TrainValidation(data, 0.2, seed: 1);
        var model = new MlNetRankerTrainer(MlNetTrainerKind.LightGbm, new MlNetRankerParameters { TreeCount = 40, MinLeafRows = 5 })
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
