using ConversationHub.Faq.Ranking.Features;
using ConversationHub.Faq.Search.Index;

namespace ConversationHub.Faq.Ranking.Reranking;

/// <summary>
/// Second-stage ranking: takes the first-stage top K, computes their features, and orders them by the model's
/// score (ties keep first-stage order). Without a model it is a pass-through to first-stage search.
/// </summary>
internal sealed class FaqReranker
{
    public const int DefaultCandidateCount = 50;

    private readonly LambdaMartModel? _model;
    private readonly FaqFeatureExtractor _extractor;

    public FaqReranker(LambdaMartModel? model, IFaqSignals signals, int candidateCount = DefaultCandidateCount)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(candidateCount);
        model?.EnsureFeatures(FaqFeatureNames.All);
        _model = model;
        _extractor = new FaqFeatureExtractor(signals);
        CandidateCount = candidateCount;
    }

    /// <summary>A re-ranker that keeps first-stage order.</summary>
    public static FaqReranker FirstStageOnly { get; } = new(null, NeutralFaqSignals.Instance);

    public bool HasModel => _model is not null;

    /// <summary>How many first-stage candidates are re-ranked (K).</summary>
    public int CandidateCount { get; }

    public IReadOnlyList<SearchHit> Search(FaqSearchIndex index, string query, int top, Func<string, bool>? filter = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (_model is null)
            return index.Search(query, top, filter);

        var candidates = index.Retrieve(query, Math.Max(top, CandidateCount), filter);
        var scores = new float[candidates.Count];
        var order = Rerank(candidates, scores);
        var hits = new SearchHit[Math.Min(top, order.Length)];
        for (var i = 0; i < hits.Length; i++)
            hits[i] = new SearchHit(candidates.DocumentId(order[i]), scores[order[i]]);
        return hits;
    }

    /// <summary>
    /// Candidate indices in re-ranked order; <paramref name="scores"/> receives the model's score per candidate.
    /// Without a model, first-stage order and scores.
    /// </summary>
    public int[] Rerank(FirstStageResult candidates, float[] scores)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(scores);
        var order = new int[candidates.Count];
        if (_model is null)
        {
            candidates.Scores.CopyTo(scores, 0);
            for (var i = 0; i < order.Length; i++)
                order[i] = i;
            return order;
        }

        var features = new float[candidates.Count * FaqFeatureExtractor.FeatureCount];
        _extractor.Extract(candidates, features);
        _model.Score(features, scores.AsSpan(0, candidates.Count));
        Span<double> wide = candidates.Count <= 256 ? stackalloc double[candidates.Count] : new double[candidates.Count];
        for (var i = 0; i < wide.Length; i++)
            wide[i] = scores[i];
        RankingMetrics.RankOrder(wide, order);
        return order;
    }
}
