using ConversationHub.Faq.Evaluation;
using ConversationHub.Faq.Ranking.Features;
using ConversationHub.Faq.Search.Analysis;
using ConversationHub.Faq.Search.Index;

namespace ConversationHub.Faq.Ranking.Training;

/// <summary>
/// Indexes a judged dataset with first-stage search as shipped (default parameters, no synonyms), and turns each
/// query into its top-K candidates with features and labels: what the model learns from and is evaluated on.
/// </summary>
internal static class DatasetCandidates
{
    public static List<CandidateQuery> Build(EvalDataset dataset, int candidateCount, IFaqSignals signals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var index = new FaqSearchIndex(new JapaneseAnalyzer(AnalyzerOptions.Default), Bm25FParameters.Default, new InMemorySynonymDictionary());
        index.Rebuild(dataset.Documents);
        var extractor = new FaqFeatureExtractor(signals);
        var queries = new List<CandidateQuery>(dataset.Queries.Count);
        foreach (var query in dataset.Queries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            queries.Add(Extract(query.Id, query.Judgements, index.Retrieve(query.Text, candidateCount), extractor));
        }

        return queries;
    }

    /// <summary>The features and labels of <paramref name="candidates"/>, with the first-stage result kept.</summary>
    public static CandidateQuery Extract(
        string id, IReadOnlyDictionary<string, int> judgements, FirstStageResult candidates, FaqFeatureExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(judgements);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(extractor);
        var features = new float[candidates.Count * FaqFeatureExtractor.FeatureCount];
        extractor.Extract(candidates, features);
        var ids = new string[candidates.Count];
        var labels = new int[candidates.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = candidates.DocumentId(i);
            labels[i] = judgements.TryGetValue(ids[i], out var grade) ? Math.Max(grade, 0) : 0;
        }

        return new CandidateQuery(id, candidates.Query.FoldedText, ids, features, labels, judgements) { FirstStage = candidates };
    }
}
