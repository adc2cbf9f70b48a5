using ConversationHub.Faq.CommandLine;

namespace ConversationHub.Faq.Benchmark;

/// <summary>The parsed arguments of <c>faq bench</c>.</summary>
internal sealed record BenchArguments(string? CorpusPath, string? QueriesPath, int Count, int Updates, bool Json, bool Profile = false)
{
    public const string Usage =
        "usage: faq bench [--corpus <corpus.json>] [--queries <queries.json>] [--count 10000] [--updates 200] [--json] [--profile]";

    /// <summary>Parses the arguments after <c>faq bench</c>; on failure returns null and a message for the user.</summary>
    public static BenchArguments? TryParse(IReadOnlyList<string> args, out string? error)
    {
        var parsed = VerbArguments.TryParse(args, ["--corpus", "--queries", "--count", "--updates"], ["--json", "--profile"], out error);
        if (parsed is null
            || !parsed.TryInt("--count", 1, 1_000_000, 10_000, out var count, out error)
            || !parsed.TryInt("--updates", 1, 100_000, 200, out var updates, out error))
        {
            return null;
        }

        return new BenchArguments(parsed.Value("--corpus"), parsed.Value("--queries"), count, updates, parsed.Flag("--json"), parsed.Flag("--profile"));
    }
}
