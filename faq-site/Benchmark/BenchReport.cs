namespace ConversationHub.Faq.Benchmark;

/// <summary>What <c>faq bench</c> measured; times in milliseconds.</summary>
internal sealed record BenchReport(
    string Source,
    int Faqs,
    int Queries,
    int Prefixes,
    int Updates,
    double RebuildColdMs,
    double RebuildWarmMs,
    double UpsertP50Ms,
    double UpsertP99Ms,
    double QueryP50Ms,
    double QueryP99Ms,
    double SuggestP50Ms,
    double SuggestP99Ms,
    long ManagedHeapBytes);
