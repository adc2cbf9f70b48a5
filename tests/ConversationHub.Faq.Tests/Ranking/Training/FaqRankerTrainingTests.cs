using ConversationHub.Faq.Ranking.Features;
using ConversationHub.Faq.Ranking.Training;
using Xunit.Abstractions;

namespace ConversationHub.Faq.Tests.Ranking.Training;

public sealed class FaqRankerTrainingTests(ITestOutputHelper output)
{
    [Fact]
    public void Train_SmallCorpus_RerankedBeatsFirstStageOnHeldOutQueries()
    {
        // Arrange: 80 topics; the model learns from 56 queries and is scored on the other 24.
        var dataset = SyntheticFaqCorpus.Create(topics: 80, seed: 7);
        var queries = DatasetCandidates.Build(dataset, candidateCount: 50, NeutralFaqSignals.Instance, CancellationToken.None);
        var training = queries.Take(56).ToList();
        var heldOut = queries.Skip(56).ToList();

        // Act
        var model = FaqRankerTraining.Train(training, seed: 1, progress: null, CancellationToken.None);
        var firstStage = RankedListMetrics.Compute(heldOut.Select(q => ((IReadOnlyList<string>)q.CandidateIds, q.Judgements)));
        var reranked = RankedListMetrics.Compute(heldOut.Select(q => ((IReadOnlyList<string>)FaqRankerTraining.Rerank(model, q), q.Judgements)));

        // Assert
        output.WriteLine($"held-out nDCG@10: first stage {firstStage.Ndcg10:0.0000}, re-ranked {reranked.Ndcg10:0.0000} ({model.TreeCount} trees, {model.Metadata.Members} members)");
        Assert.Equal(24, reranked.Queries);
        Assert.True(
            reranked.Ndcg10 > firstStage.Ndcg10 + 0.1,
            $"re-ranked nDCG@10 {reranked.Ndcg10:0.0000} does not beat first stage {firstStage.Ndcg10:0.0000}");
    }

    [Fact]
    public void WithSignals_JudgedTrainingQueries_NeverSeeTheirOwnJudgements()
    {
        // Arrange
        var dataset = SyntheticFaqCorpus.Create(topics: 5, seed: 3);
        var queries = DatasetCandidates.Build(dataset, candidateCount: 10, NeutralFaqSignals.Instance, CancellationToken.None);

        // Act
        var withSignals = FaqRankerTraining.WithSignals(queries, new JudgedQuerySignals(queries));

        // Assert: each right FAQ is confirmed by exactly one query, so it counts for every query but that one.
        var checkedOwn = 0;
        foreach (var query in withSignals)
        {
            for (var i = 0; i < query.CandidateIds.Length; i++)
            {
                var row = query.Features.AsSpan(i * FaqFeatureNames.Count, FaqFeatureNames.Count);
                var id = query.CandidateIds[i];
                var own = query.Judgements.ContainsKey(id);
                var expected = own || !id.StartsWith('r') ? 0f : MathF.Log(2f);
                Assert.Equal(expected, row[FaqFeatureNames.LogConfirmedQueries]);
                Assert.Equal(0f, row[FaqFeatureNames.ConfirmedPair]);
                if (own)
                {
                    Assert.Equal(0f, row[FaqFeatureNames.ConfirmedQuerySimilarity]);
                    checkedOwn++;
                }
            }
        }

        Assert.Equal(5, checkedOwn);
    }

    [Fact]
    public void NearestConfirmedFaqs_SimilarJudgedQueries_TheirFaqsNearestFirstButNeverTheAskersOwn()
    {
        // Arrange
        var signals = new JudgedQuerySignals(
        [
            ("パスポートの申請をしたい", new Dictionary<string, int> { ["passport"] = 2 }),
            ("パスポートの写真の大きさ", new Dictionary<string, int> { ["photo"] = 2 }),
            ("図書館の本を返したい", new Dictionary<string, int> { ["library"] = 2 }),
            ("パスポートを申請したい", new Dictionary<string, int> { ["own"] = 2 }),
        ]);

        // Act
        var nearest = signals.NearestConfirmedFaqs("パスポートを申請したい", max: 2);

        // Assert: the first text is nearest, the photo question next; the asker's own judgement never counts.
        Assert.Equal(["passport", "photo"], nearest);
        Assert.Empty(signals.NearestConfirmedFaqs("パスポートを申請したい", max: 0));
    }

    [Fact]
    public void Get_NearestJudgedQueries_VoteByGradeAndRankButNeverForTheAskersOwn()
    {
        // Arrange
        var signals = new JudgedQuerySignals(
        [
            ("パスポートの申請をしたい", new Dictionary<string, int> { ["passport"] = 2 }),
            ("パスポートの申請の期間", new Dictionary<string, int> { ["passport"] = 1 }),
            ("パスポートの写真の大きさ", new Dictionary<string, int> { ["photo"] = 2 }),
            ("図書館の本を返したい", new Dictionary<string, int> { ["library"] = 2 }),
            ("パスポートを申請したい", new Dictionary<string, int> { ["own"] = 2 }),
        ]);
        const string query = "パスポートを申請したい";

        // Act
        var (passport, photo, own) = (signals.Get(query, "passport"), signals.Get(query, "photo"), signals.Get(query, "own"));

        // Assert: two passport texts are the nearest, so it leads the vote; the asker's own judgement never counts.
        Assert.Equal(1f, passport.NearestQueryReciprocalRank);
        Assert.InRange(passport.ConfirmedQuerySecondSimilarity, 0.01f, passport.ConfirmedQuerySimilarity);
        Assert.InRange(photo.NearestQueryReciprocalRank, 0.01f, 0.5f);
        Assert.Equal(0f, photo.ConfirmedQuerySecondSimilarity);
        Assert.True(passport.NearestQueriesGrade > photo.NearestQueriesGrade && photo.NearestQueriesGrade > 0f);
        Assert.True(passport.NearestQueriesGrade < 2f);
        Assert.Equal(FaqSignalValues.Neutral, own);
    }

    [Fact]
    public void WithSignals_RightFaqMissedByTheFirstStage_JoinsTheCandidatesFromConfirmedQueries()
    {
        // Arrange: a one-candidate first stage leaves most right FAQs out.
        var dataset = SyntheticFaqCorpus.Create(topics: 5, seed: 3);
        var queries = DatasetCandidates.Build(dataset, candidateCount: 1, NeutralFaqSignals.Instance, CancellationToken.None);
        var twice = queries.Concat(queries.Select(q => q with { Id = q.Id + "-again", FoldedText = q.FoldedText + "ね" })).ToList();

        // Act
        var withSignals = FaqRankerTraining.WithSignals(twice, new JudgedQuerySignals(twice));

        // Assert: each query's near twin confirms its right FAQ, which is now a candidate with features and its label.
        foreach (var query in withSignals)
        {
            var right = query.Judgements.Single(j => j.Value > 0).Key;
            var at = Array.IndexOf(query.CandidateIds, right);
            Assert.True(at >= 0, $"{query.Id}: {right} is not a candidate");
            Assert.Equal(2, query.Labels[at]);
            Assert.Equal(query.CandidateIds.Length * FaqFeatureNames.Count, query.Features.Length);
            Assert.True(query.Features[(at * FaqFeatureNames.Count) + FaqFeatureNames.ConfirmedQuerySimilarity] > 0f);
        }
    }
}
