using ConversationHub.Faq.Ranking.Reranking;
using System.Diagnostics;
using ConversationHub.Faq.Evaluation;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Search.Analysis;
using ConversationHub.Faq.Search.Index;
using ConversationHub.Faq.Search.Readings;
using ConversationHub.Faq.Search.Service;
using ConversationHub.Faq.Search.Suggest;

namespace ConversationHub.Faq.Benchmark;

/// <summary>
/// Times the production path, <see cref="FaqSearchService"/>: a full rebuild (index, filter entries and
/// suggestions, as at start-up), one FAQ's upsert (as on <c>faq.changed</c>), public searches and suggestions.
/// </summary>
internal static class BenchRunner
{
    private const int MaxPrefixLength = 8;

    public static BenchReport Run(string source, IReadOnlyList<SearchDocument> documents, IReadOnlyList<string> queries, int updates, CancellationToken cancellationToken)
    {
        var (readings, readingCost) = LoadReadings();
        var service = NewService(readings);
        var faqs = documents.Select(ToFaq).ToList();

        var rebuildCold = Time(() => service.ReplaceAll(faqs));
        // Warm code, but a fresh service each time: every FAQ is analysed, as at a node's start.
        var rebuildFresh = Enumerable.Range(0, 3).Select(_ =>
        {
            var fresh = NewService(readings);
            return Time(() => fresh.ReplaceAll(faqs));
        }).Min();
        // The same service again: unchanged FAQs keep their analysis, as on a rebuild after the event bus reconnects.
        var rebuildWarm = Enumerable.Range(0, 3).Select(_ => Time(() => service.ReplaceAll(faqs))).Min();
        GC.Collect();
        var heap = GC.GetTotalMemory(forceFullCollection: true);

        // The parts of a rebuild, to show where its time goes: the BM25F index alone, and the suggestion index alone.
        var indexOnly = new FaqSearchIndex(new JapaneseAnalyzer(AnalyzerOptions.Default, readings), Bm25FParameters.Default, new InMemorySynonymDictionary());
        var indexDocuments = faqs.Select(f => f.Document).ToList();
        var indexRebuild = Time(() => indexOnly.Rebuild(indexDocuments));
        var suggestBuild = Time(() => SuggestionIndex.Build(faqs.Select(f => new SuggestionSource(f.Entry.Question, SuggestionKind.FaqQuestion, 0, f.Document.Id)), readings));

        var random = new Random(20261123);
        var indexUpserts = new List<double>(updates);
        var upserts = new List<double>(updates);
        for (var i = 0; i < updates; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (entry, document) = faqs[random.Next(faqs.Count)];
            var edited = new SearchDocument(document.Id, document.Question, $"{document.Answer} （{i}回目の更新）") { Paraphrases = document.Paraphrases };
            upserts.Add(Time(() => service.Upsert(entry with { UpdatedAtUtc = DateTime.UtcNow }, edited)));
            indexUpserts.Add(Time(() => indexOnly.Upsert(edited)));
        }

        // One untimed pass so the first timed query does not pay for JIT compilation.
        foreach (var query in queries.Take(20))
            service.Search(query, FaqAudience.Public);

        var searches = new List<double>(queries.Count);
        foreach (var query in queries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            searches.Add(Time(() => service.Search(query, FaqAudience.Public)));
        }

        var prefixes = queries.SelectMany(q => Enumerable.Range(1, Math.Min(q.Length, MaxPrefixLength)).Select(n => q[..n])).ToList();
        foreach (var prefix in prefixes.Take(20))
            service.Suggest(prefix);
        var suggestions = new List<double>(prefixes.Count);
        foreach (var prefix in prefixes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            suggestions.Add(Time(() => service.Suggest(prefix)));
        }

        return new BenchReport(
            source, faqs.Count, queries.Count, prefixes.Count, updates, rebuildCold, rebuildFresh, rebuildWarm, indexRebuild, suggestBuild,
            Percentile.NearestRank(upserts, 50), Percentile.NearestRank(upserts, 99),
            Percentile.NearestRank(indexUpserts, 50), Percentile.NearestRank(indexUpserts, 99),
            Percentile.NearestRank(searches, 50), Percentile.NearestRank(searches, 99),
            Percentile.NearestRank(suggestions, 50), Percentile.NearestRank(suggestions, 99),
            heap)
        {
            Readings = readingCost,
        };
    }

    /// <summary>A fresh load of the system lexicon (not the process's shared one), timed, with the heap it keeps.</summary>
    private static (ReadingDictionary Readings, ReadingLexiconCost Cost) LoadReadings()
    {
        var path = ReadingDictionaryOptions.DefaultPath;
        if (!Directory.Exists(path))
            return (ReadingDictionary.Empty, new ReadingLexiconCost(path, 0, 0, 0));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        ReadingDictionary? readings = null;
        var loadMs = Time(() => readings = MecabLexiconReader.Read(path, ReadingDictionaryOptions.LexiconEncoding(new ReadingDictionaryOptions())));
        var kept = GC.GetTotalMemory(forceFullCollection: true) - before;
        return (readings!, new ReadingLexiconCost(path, readings!.Count, loadMs, kept));
    }

    private static FaqSearchService NewService(ReadingDictionary readings) => new(
        new FaqSearchIndex(new JapaneseAnalyzer(AnalyzerOptions.Default, readings), Bm25FParameters.Default, new InMemorySynonymDictionary()),
        FaqReranker.FirstStageOnly,
        TimeProvider.System);

    private static (FaqSearchEntry Entry, SearchDocument Document) ToFaq(SearchDocument document, int index)
    {
        // Stable ids: the bench's FAQ i is always the same GUID, so runs compare.
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, index + 1);
        var id = new Guid(bytes);
        var entry = new FaqSearchEntry(id, document.Question, document.Answer, FaqVisibility.Public, null, null, [], DateTime.UtcNow);
        return (entry, new SearchDocument(FaqSearchDocuments.Key(id), document.Question, document.Answer) { Paraphrases = document.Paraphrases });
    }

    private static double Time(Action action)
    {
        var started = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
