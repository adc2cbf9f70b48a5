namespace ConversationHub.Faq.Benchmark;

/// <summary>
/// What <c>faq bench</c> measured; times in milliseconds. Rebuild and upsert are the service's (index, filter entries
/// and suggestions together); fresh means every FAQ analysed, warm that unchanged FAQs kept their analysis; the index-only and suggestion rows show how that time splits.
/// </summary>
internal sealed record BenchReport(
    string Source,
    int Faqs,
    int Queries,
    int Prefixes,
    int Updates,
    double RebuildColdMs,
    double RebuildFreshMs,
    double RebuildWarmMs,
    double IndexOnlyRebuildMs,
    double SuggestionBuildMs,
    double UpsertP50Ms,
    double UpsertP99Ms,
    double IndexOnlyUpsertP50Ms,
    double IndexOnlyUpsertP99Ms,
    double QueryP50Ms,
    double QueryP99Ms,
    double SuggestP50Ms,
    double SuggestP99Ms,
    long ManagedHeapBytes)
{
    /// <summary>Kanji words in the reading lexicon (0 when it is not installed), its load time and what it keeps on the heap.</summary>
    public ReadingLexiconCost? Readings { get; init; }
}

/// <summary>What loading the system reading lexicon costs: entries kept, wall-clock load time, managed heap kept.</summary>
internal sealed record ReadingLexiconCost(string Path, int Entries, double LoadMs, long HeapBytes);
