using ConversationHub.Faq.Ranking.Features;
using ConversationHub.Faq.Search.Index;

namespace ConversationHub.Faq.Ranking.Reranking;

/// <summary>
/// Second-stage ranking: takes the first-stage top K and the FAQs confirmed for the nearest past queries
/// (<see cref="ConfirmedCandidateCount"/>), computes their features, and orders them by the model's score (ties keep
/// first-stage order). Without a model it is a pass-through to first-stage search. The model
/// can be swapped while searches run (<see cref="Use"/>, on activation): each search reads one (model, signals) pair.
/// </summary>
internal sealed class FaqReranker
{
    public const int DefaultCandidateCount = 50;

    /// <summary>
    /// How many FAQs confirmed for the nearest past queries join the first stage's candidates (those already there
    /// are not added twice): citizens who worded a question alike were mostly after the same answers, even where
    /// their words are not the FAQ's.
    /// </summary>
    public const int ConfirmedCandidateCount = 10;

    private volatile Active _active;

    public FaqReranker(FaqRankerModel? model, IFaqSignals signals, int candidateCount = DefaultCandidateCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(candidateCount);
        _active = Create(model, signals);
        CandidateCount = candidateCount;
    }

    /// <summary>A re-ranker that keeps first-stage order.</summary>
    public static FaqReranker FirstStageOnly { get; } = new(null, NeutralFaqSignals.Instance);

    public bool HasModel => _active.Model is not null;

    /// <summary>Re-ranks with <paramref name="model"/> (null: first-stage order) from now on.</summary>
    /// <exception cref="RankingFeatureMismatchException">The model was trained on other features.</exception>
    public void Use(FaqRankerModel? model, IFaqSignals signals)
    {
        if (ReferenceEquals(this, FirstStageOnly))
            throw new InvalidOperationException("The shared first-stage-only re-ranker never takes a model.");
        _active = Create(model, signals);
    }

    /// <summary>How many first-stage candidates are re-ranked (K).</summary>
    public int CandidateCount { get; }

    public IReadOnlyList<SearchHit> Search(FaqSearchIndex index, string query, int top, Func<string, bool>? filter = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        var active = _active;
        if (active.Model is null)
            return index.Search(query, top, filter);

        var candidates = WithConfirmedCandidates(active, index.Retrieve(query, Math.Max(top, CandidateCount), filter), filter);
        var scores = new float[candidates.Count];
        var order = Rerank(active, candidates, scores);
        var hits = new SearchHit[Math.Min(top, order.Length)];
        for (var i = 0; i < hits.Length; i++)
            hits[i] = new SearchHit(candidates.DocumentId(order[i]), scores[order[i]]);
        return hits;
    }

    /// <summary>
    /// With a model, <paramref name="firstStage"/> followed by the FAQs confirmed for the nearest past queries that
    /// <paramref name="filter"/> (the search's own) lets through: the list <see cref="Rerank(FirstStageResult, float[])"/>
    /// orders. Without one, <paramref name="firstStage"/> itself.
    /// </summary>
    public FirstStageResult WithConfirmedCandidates(FirstStageResult firstStage, Func<string, bool>? filter = null)
    {
        ArgumentNullException.ThrowIfNull(firstStage);
        return WithConfirmedCandidates(_active, firstStage, filter);
    }

    private static FirstStageResult WithConfirmedCandidates(Active active, FirstStageResult candidates, Func<string, bool>? filter) =>
        active.Model is null
            ? candidates
            : candidates.Append(active.Signals.NearestConfirmedFaqs(candidates.Query.FoldedText, ConfirmedCandidateCount), filter);

    /// <summary>
    /// Candidate indices in re-ranked order; <paramref name="scores"/> receives the model's score per candidate.
    /// Without a model, first-stage order and scores.
    /// </summary>
    public int[] Rerank(FirstStageResult candidates, float[] scores) => Rerank(_active, candidates, scores);

    private static Active Create(FaqRankerModel? model, IFaqSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        model?.EnsureFeatures(FaqFeatureNames.All);
        return new Active(model, signals, new FaqFeatureExtractor(signals));
    }

    private static int[] Rerank(Active active, FirstStageResult candidates, float[] scores)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(scores);
        var order = new int[candidates.Count];
        if (active.Model is null)
        {
            candidates.Scores.CopyTo(scores, 0);
            for (var i = 0; i < order.Length; i++)
                order[i] = i;
            return order;
        }

        var features = new float[candidates.Count * FaqFeatureExtractor.FeatureCount];
        active.Extractor.Extract(candidates, features);
        active.Model.Score(features, scores.AsSpan(0, candidates.Count));
        Span<double> wide = candidates.Count <= 256 ? stackalloc double[candidates.Count] : new double[candidates.Count];
        for (var i = 0; i < wide.Length; i++)
            wide[i] = scores[i];
        RankingMetrics.RankOrder(wide, order);
        return order;
    }

    private sealed record Active(FaqRankerModel? Model, IFaqSignals Signals, FaqFeatureExtractor Extractor);
}
