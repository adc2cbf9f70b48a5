using System.Reflection;
using ConversationHub.Faq.Ranking.Judgements;

namespace ConversationHub.Faq.Tests.Ranking.Judgements;

public sealed class JudgementLabelsTests
{
    private static readonly Guid Faq = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid Other = Guid.Parse("22222222-2222-2222-2222-222222222222");
    private static readonly DateTime At = new(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ClickWeight_LowerPosition_WeighsMoreUpToTheCap()
    {
        Assert.Equal(1.0, JudgementLabels.ClickWeight(1));
        Assert.True(JudgementLabels.ClickWeight(5) > JudgementLabels.ClickWeight(2));
        Assert.Equal(JudgementLabels.ClickWeight(JudgementLabels.MaxPropensityPosition), JudgementLabels.ClickWeight(500));
    }

    [Fact]
    public void Build_OneClickDeepInTheList_OutweighsOneAtTheTop()
    {
        // Arrange: one click at position 1 for one FAQ, one at position 5 for another, same query.
        var judgements = new[]
        {
            Judgement(1, JudgementSource.SearchClick, "ごみ袋", Faq, 1, position: 1),
            Judgement(2, JudgementSource.SearchClick, "ごみ袋", Other, 1, position: 5),
        };

        // Act
        var labels = JudgementLabels.Build(judgements);

        // Assert: under 1/position examination, the deep click is evidence of an answer, the top one only of relevance.
        var grades = Assert.Single(labels).Value;
        Assert.Equal(1, grades[Faq.ToString("N")]);
        Assert.Equal(2, grades[Other.ToString("N")]);
    }

    [Fact]
    public void Build_StaffGrade_OverridesCitizensAndRejectionRemovesCandidate()
    {
        // Arrange
        var judgements = new[]
        {
            Judgement(1, JudgementSource.SearchClick, "住民票 コンビニ", Faq, 1, position: 8),
            Judgement(2, JudgementSource.SearchClick, "住民票 コンビニ", Other, 1, position: 9),
            Judgement(3, JudgementSource.EditorMapping, "住民票 コンビニ", Other, 0, reviewOf: 2),
            Judgement(4, JudgementSource.AgentConfirmed, "住民票 コンビニ", Faq, 1),
        };

        // Act
        var grades = Assert.Single(JudgementLabels.Build(judgements)).Value;

        // Assert: the agent's grade 1 wins over the clicks' evidence; the rejected candidate is graded 0.
        Assert.Equal(1, grades[Faq.ToString("N")]);
        Assert.Equal(0, grades[Other.ToString("N")]);
    }

    [Fact]
    public void Build_SameQueryWrittenDifferently_IsOneQuery()
    {
        var judgements = new[]
        {
            Judgement(1, JudgementSource.EditorMapping, "ｺﾞﾐ袋", Faq, 2),
            Judgement(2, JudgementSource.EditorMapping, "ゴミ袋", Other, 2),
        };

        var labels = JudgementLabels.Build(judgements);

        Assert.Equal(2, Assert.Single(labels).Value.Count);
    }

    [Fact]
    public void Hash_SameJudgements_SameHashAndAnyChangeDiffers()
    {
        // Arrange
        var a = new[] { Judgement(1, JudgementSource.EditorMapping, "転入届", Faq, 2), Judgement(2, JudgementSource.SearchClick, "転入届 期限", Other, 1, position: 3) };
        var same = new[] { Judgement(2, JudgementSource.SearchClick, "転入届 期限", Other, 1, position: 3), Judgement(1, JudgementSource.EditorMapping, "転入届", Faq, 2) };
        var moved = new[] { Judgement(1, JudgementSource.EditorMapping, "転入届", Faq, 2), Judgement(2, JudgementSource.SearchClick, "転入届 期限", Other, 1, position: 4) };

        // Act and assert
        Assert.Equal(JudgementHash.Compute(a), JudgementHash.Compute(same));
        Assert.NotEqual(JudgementHash.Compute(a), JudgementHash.Compute(moved));
        Assert.Equal(64, JudgementHash.Compute(a).Length);
    }

    internal static RankingJudgement Judgement(long id, JudgementSource source, string query, Guid faq, int grade, int? position = null, long? reviewOf = null)
    {
        var judgement = new RankingJudgement(source, query, faq, grade, position, null, reviewOf, At);
        // Ids come from the database; a unit test sets them the way EF does, through the private setter.
        typeof(RankingJudgement).GetProperty(nameof(RankingJudgement.Id), BindingFlags.Public | BindingFlags.Instance)!.SetValue(judgement, id);
        return judgement;
    }
}

public sealed class JudgementSnapshotTrainingTests
{
    [Fact]
    public void Train_SameSnapshotTwice_SameHashAndSameModel()
    {
        // Arrange: a snapshot's judgements (editor mappings over the synthetic corpus), read twice.
        var dataset = Training.SyntheticFaqCorpus.Create(topics: 30, seed: 5);
        var judgements = dataset.Queries.Select((q, i) => JudgementLabelsTests.Judgement(
            i + 1, JudgementSource.EditorMapping, q.Text, Guid.Parse($"00000000-0000-0000-0000-{i + 1:D12}"), 2)).ToList();
        var documentOf = judgements.ToDictionary(j => j.FaqId.ToString("N"), j => dataset.Queries[(int)j.Id - 1].Judgements.Keys.Single());

        string Train(IReadOnlyList<RankingJudgement> snapshot)
        {
            var queries = JudgementLabels.Build(snapshot).Select(l => new ConversationHub.Faq.Evaluation.EvalQuery(
                l.Key, l.Key, l.Value.ToDictionary(g => documentOf[g.Key], g => g.Value))).ToList();
            var candidates = ConversationHub.Faq.Ranking.Training.DatasetCandidates.Build(
                dataset with { Queries = queries }, 20, ConversationHub.Faq.Ranking.Features.NeutralFaqSignals.Instance, CancellationToken.None);
            var model = ConversationHub.Faq.Ranking.Training.FaqRankerTraining.Train(candidates, seed: 3, progress: null, CancellationToken.None);
            // Everything but the training time, which is the clock's.
            var json = ConversationHub.Faq.Ranking.FaqRankerModelSerializer.Serialize(model);
            return System.Text.RegularExpressions.Regex.Replace(json, "\"trainedAt\":\\s*\"[^\"]*\"", "");
        }

        // Act
        var first = Train(judgements);
        var second = Train([.. judgements.AsEnumerable().Reverse()]);

        // Assert
        Assert.Equal(JudgementHash.Compute(judgements), JudgementHash.Compute([.. judgements.AsEnumerable().Reverse()]));
        Assert.Equal(first, second);
    }
}
