using ConversationHub.Faq.Ranking;
using ConversationHub.Faq.Ranking.Reranking;
using ConversationHub.Faq.Ranking.Training;
using ConversationHub.Faq.Search.Analysis;
using ConversationHub.Faq.Search.Index;

namespace ConversationHub.Faq.Evaluation;

/// <summary>
/// First-stage search re-ranked by a trained model (<c>hub+ltr</c>). The judged queries stand in for the
/// platform's confirmed answers, leave-one-out, as in <c>faq train</c>; a model trained on these same queries is
/// therefore scored in-sample: <c>faq train --folds</c> gives the held-out figures. One query at a time.
/// </summary>
internal sealed class RerankedRetrievalEngine(LambdaMartModel model, IReadOnlyList<EvalQuery> judgedQueries) : IRetrievalEngine
{
    private readonly FaqSearchIndex _index = new(new JapaneseAnalyzer(AnalyzerOptions.Default), Bm25FParameters.Default, new InMemorySynonymDictionary());
    private readonly FaqReranker _reranker = new(
        model,
        new JudgedQuerySignals(judgedQueries.Select(q => (SynonymExpander.FoldForMatching(q.Text), q.Judgements))));

    public string Name => "hub+ltr";

    public void Build(IReadOnlyList<SearchDocument> documents) => _index.Rebuild(documents);

    public IReadOnlyList<string> Search(string query, int top)
    {
        var hits = _reranker.Search(_index, query, top);
        var ids = new string[hits.Count];
        for (var i = 0; i < ids.Length; i++)
            ids[i] = hits[i].DocumentId;
        return ids;
    }

    public void Dispose()
    {
    }
}
