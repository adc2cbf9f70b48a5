namespace ConversationHub.Faq.Ranking;

/// <summary>
/// The mean of several LambdaMART models over the same features, as one model: a model's score is a sum over its
/// trees, so the mean is every member's trees with leaf values divided by the member count. Scoring and the file
/// format stay those of a single model.
/// </summary>
internal static class ModelAverage
{
    /// <param name="members">Models trained on (parts of) <paramref name="data"/>, with the same feature list.</param>
    /// <param name="data">Everything the members learned from together, for the metadata.</param>
    public static LambdaMartModel Of(IReadOnlyList<LambdaMartModel> members, RankingDataset data)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfZero(members.Count);
        var weight = 1f / members.Count;
        var trees = new List<RegressionTree>();
        foreach (var member in members)
        {
            if (!member.FeatureNames.SequenceEqual(data.FeatureNames, StringComparer.Ordinal))
                throw new ArgumentException("Every member must use the data's features, in order.", nameof(members));
            foreach (var tree in member.Trees)
            {
                trees.Add(new RegressionTree(
                    [.. tree.SplitFeatures], [.. tree.Thresholds], [.. tree.LeftChildren], [.. tree.RightChildren], [.. tree.LeafValues.Select(v => v * weight)]));
            }
        }

        var first = members[0];
        var metadata = first.Metadata with
        {
            TrainingDataHash = data.ComputeHash(),
            ValidationDataHash = null,
            TrainingQueries = data.QueryCount,
            TrainingRows = data.RowCount,
            ValidationQueries = 0,
            ValidationRows = 0,
            TrainingNdcg = members.Average(m => m.Metadata.TrainingNdcg),
            ValidationNdcg = members.All(m => m.Metadata.ValidationNdcg is not null) ? members.Average(m => m.Metadata.ValidationNdcg!.Value) : null,
            BestIteration = trees.Count,
            IterationsRun = members.Sum(m => m.Metadata.IterationsRun),
        };
        return new LambdaMartModel(data.FeatureNames, first.Parameters, trees, metadata);
    }
}
