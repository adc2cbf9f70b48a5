using System.Diagnostics;
using ConversationHub.Faq.Search.Analysis;
using ConversationHub.Faq.Search.Index;
using ConversationHub.Faq.Search.Readings;
using ConversationHub.Faq.Search.Suggest;

namespace ConversationHub.Faq.Benchmark;

/// <summary>
/// Where a rebuild's time goes, stage by stage, on one thread (<c>faq bench --profile</c>): each stage is timed
/// over every document on its own, so the figures add up to roughly one single-threaded analysis plus the build.
/// Times are the process's CPU time, not wall-clock time, so that other work on a shared machine inflates them less.
/// </summary>
internal static class BenchAnalysisProfile
{
    public static IReadOnlyList<(string Stage, double Milliseconds)> Run(IReadOnlyList<SearchDocument> documents)
    {
        var texts = documents.SelectMany(d => new[] { d.Question, d.Answer }.Concat(d.Paraphrases)).ToArray();
        var normalized = texts.Select(JapaneseNormalizer.Normalize).ToArray();
        var analyzer = new JapaneseAnalyzer(AnalyzerOptions.Default);
        var segments = new List<(int Start, int Length)>();
        var words = new List<string>();
        var grams = new List<string>();
        AnalyzedDocument[] analyzed = [];
        return
        [
            ("NFKC + normalise", Time(() => Array.ForEach(texts, t => JapaneseNormalizer.Normalize(t)))),
            ("ICU segmentation", Time(() => Array.ForEach(normalized, t => { segments.Clear(); IcuWordSegmenter.Segment(t, segments); }))),
            ("  same through icu.net", Time(() => Array.ForEach(normalized, t => { segments.Clear(); IcuWordSegmenter.SegmentThroughIcuNet(t, segments); }))),
            ("reading fold", Time(() => Array.ForEach(normalized, t => JapaneseNormalizer.FoldReading(t)))),
            ("kanji readings", Time(() => Array.ForEach(normalized, t => { segments.Clear(); IcuWordSegmenter.Segment(t, segments); ReadingTranscriber.Transcribe(analyzer.Readings, t, segments); }))),
            ("analyse (all of it)", Time(() => Array.ForEach(texts, t => { words.Clear(); grams.Clear(); analyzer.Analyze(t, words, grams); }))),
            ("analysed documents", Time(() => analyzed = [.. documents.Select(d => AnalyzedDocument.Create(d, analyzer))])),
            ("postings (snapshot)", Time(() => IndexSnapshotBuilder.Build(analyzed, Bm25FParameters.Default))),
            ("suggestions", Time(() => SuggestionIndex.Build(documents.Select(d => new SuggestionSource(d.Question, SuggestionKind.FaqQuestion, 0, d.Id)), analyzer.Readings))),
        ];
    }

    private static double Time(Action action)
    {
        using var process = Process.GetCurrentProcess();
        var started = process.TotalProcessorTime;
        action();
        process.Refresh();
        return (process.TotalProcessorTime - started).TotalMilliseconds;
    }
}
