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
    long ManagedHeapBytes);
