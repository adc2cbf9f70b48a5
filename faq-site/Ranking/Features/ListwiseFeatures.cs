using ConversationHub.Faq.Search.Index;

namespace ConversationHub.Faq.Ranking.Features;

/// <summary>
/// Features of a candidate against the other candidates of the same query: its share of the list's largest value,
/// its distance from the list's mean in standard deviations, its gap to the best, its rank. Trees split on fixed
/// thresholds, and raw values mean different things from one query to the next (a long query scores higher
/// everywhere); placed within the list, "the best of these" reads the same for every query.
/// </summary>
/// <remarks>
/// Written after every row's own features, and again whenever a row's source columns change (training rewrites the
/// signal columns per fold), so each feature always follows its source.
/// </remarks>
internal static class ListwiseFeatures
{
    // The row stride: every row holds all the features.
    private static readonly int N = FaqFeatureNames.Count;

    /// <summary>Writes every listwise feature of <paramref name="count"/> rows (row-major, <see cref="FaqFeatureNames.Count"/> values each).</summary>
    public static void Write(Span<float> features, int count)
    {
        if (count == 0)
            return;
        ShareOfMax(features, count, FaqFeatureNames.Bm25Words + (int)SearchField.Question, FaqFeatureNames.Bm25ListShare);
        ShareOfMax(features, count, FaqFeatureNames.Bm25Words + (int)SearchField.Answer, FaqFeatureNames.Bm25ListShare + 1);
        ShareOfMax(features, count, FaqFeatureNames.Bm25Grams + (int)SearchField.Question, FaqFeatureNames.Bm25ListShare + 2);
        ShareOfMax(features, count, FaqFeatureNames.Bm25Grams + (int)SearchField.Answer, FaqFeatureNames.Bm25ListShare + 3);

        ZScore(features, count, FaqFeatureNames.FirstStageScore, FaqFeatureNames.FirstStageScoreZ);
        GapToNext(features, count, FaqFeatureNames.FirstStageScore, FaqFeatureNames.FirstStageGapToNext);
        ZScore(features, count, FaqFeatureNames.LcsQueryRatio, FaqFeatureNames.LcsQueryRatioZ);
        GapToBest(features, count, FaqFeatureNames.LcsQueryRatio, FaqFeatureNames.LcsQueryRatioGapToBest);
        ZScore(features, count, FaqFeatureNames.CoverageWordsIdfQuestion, FaqFeatureNames.CoverageWordsIdfQuestionZ);
        ZScore(features, count, FaqFeatureNames.CoverageGramsIdf, FaqFeatureNames.CoverageGramsIdfQuestionZ);
        ZScore(features, count, FaqFeatureNames.ConfirmedQuerySimilarity, FaqFeatureNames.ConfirmedQuerySimilarityZ);
        RankWithin(features, count, FaqFeatureNames.ConfirmedQuerySimilarity, FaqFeatureNames.ConfirmedQuerySimilarityRank);
        ShareOfMax(features, count, FaqFeatureNames.ConfirmedQueryVotes, FaqFeatureNames.ConfirmedQueryVotesListShare);
    }

    /// <summary>Column <paramref name="from"/> divided by its largest value over the list; 0 when that is not positive.</summary>
    public static void ShareOfMax(Span<float> features, int count, int from, int to)
    {
        var max = 0f;
        for (var i = 0; i < count; i++)
            max = Math.Max(max, features[(i * N) + from]);
        for (var i = 0; i < count; i++)
            features[(i * N) + to] = max > 0f ? features[(i * N) + from] / max : 0f;
    }

    /// <summary>(value − list mean) / list standard deviation; 0 for every row when the list does not vary.</summary>
    public static void ZScore(Span<float> features, int count, int from, int to)
    {
        var sum = 0d;
        for (var i = 0; i < count; i++)
            sum += features[(i * N) + from];
        var mean = sum / count;
        var squares = 0d;
        for (var i = 0; i < count; i++)
        {
            var d = features[(i * N) + from] - mean;
            squares += d * d;
        }

        var deviation = Math.Sqrt(squares / count);
        for (var i = 0; i < count; i++)
            features[(i * N) + to] = deviation > 1e-9 ? (float)((features[(i * N) + from] - mean) / deviation) : 0f;
    }

    /// <summary>The list's largest value minus this row's: 0 for the best row(s).</summary>
    public static void GapToBest(Span<float> features, int count, int from, int to)
    {
        var max = float.MinValue;
        for (var i = 0; i < count; i++)
            max = Math.Max(max, features[(i * N) + from]);
        for (var i = 0; i < count; i++)
            features[(i * N) + to] = max - features[(i * N) + from];
    }

    /// <summary>
    /// The lead of this row over the next one in list order, over the first row's value (the first stage sorts
    /// best first): a large lead says the first stage saw a clear step down after this candidate. 0 for the last row.
    /// </summary>
    public static void GapToNext(Span<float> features, int count, int from, int to)
    {
        var top = features[from];
        for (var i = 0; i < count; i++)
        {
            features[(i * N) + to] = i + 1 < count && top > 0f
                ? (features[(i * N) + from] - features[((i + 1) * N) + from]) / top
                : 0f;
        }
    }

    /// <summary>1 + how many rows have a strictly larger value (ties share the better rank).</summary>
    public static void RankWithin(Span<float> features, int count, int from, int to)
    {
        // PERF: quadratic, but lists are tens of rows and this allocates nothing.
        for (var i = 0; i < count; i++)
        {
            var value = features[(i * N) + from];
            var above = 0;
            for (var j = 0; j < count; j++)
            {
                if (features[(j * N) + from] > value)
                    above++;
            }

            features[(i * N) + to] = above + 1;
        }
    }
}
