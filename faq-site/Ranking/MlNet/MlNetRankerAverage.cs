namespace ConversationHub.Faq.Ranking.MlNet;

/// <summary>
/// The mean score of several ML.NET rankers, each trained with a different share of the training queries held out
/// for early stopping: the averaging the hand-written trainer does (<c>FaqRankerTraining.Train</c>), so the two can
/// be compared under the same protocol. Thread-safe and allocation-free like its members.
/// </summary>
internal sealed class MlNetRankerAverage
{
    private readonly MlNetRankingModel[] _members;

    public MlNetRankerAverage(IReadOnlyList<MlNetRankingModel> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentOutOfRangeException.ThrowIfZero(members.Count);
        _members = [.. members];
        FeatureCount = _members[0].Trees.FeatureCount;
    }

    public IReadOnlyList<MlNetRankingModel> Members => _members;

    public int FeatureCount { get; }

    public int TreeCount => _members.Sum(m => m.Trees.TreeCount);

    /// <summary>The saved size of every member's ML.NET model, in bytes.</summary>
    public long SavedSize() => _members.Sum(m => m.SavedSize());

    /// <summary>Scores candidates stored row-major (candidate count × feature count) into <paramref name="scores"/>.</summary>
    public void Score(ReadOnlySpan<float> rowMajorFeatures, Span<float> scores)
    {
        if (rowMajorFeatures.Length != scores.Length * FeatureCount)
            throw new ArgumentException($"Expected {scores.Length} × {FeatureCount} feature values, got {rowMajorFeatures.Length}.", nameof(rowMajorFeatures));
        for (var i = 0; i < scores.Length; i++)
        {
            var row = rowMajorFeatures.Slice(i * FeatureCount, FeatureCount);
            double sum = 0;
            foreach (var member in _members)
                sum += member.Trees.ScoreRow(row);
            scores[i] = (float)(sum / _members.Length);
        }
    }
}
