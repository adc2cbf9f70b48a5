using System.Globalization;

namespace ConversationHub.Faq.Benchmark;

/// <summary>The parsed arguments of <c>faq bench</c>.</summary>
internal sealed record BenchArguments(string? CorpusPath, string? QueriesPath, int Count, int Updates, bool Json)
{
    public const string Usage =
        "usage: faq bench [--corpus <corpus.json>] [--queries <queries.json>] [--count 10000] [--updates 200] [--json]";

    /// <summary>Parses the arguments after <c>faq bench</c>; on failure returns null and a message for the user.</summary>
    public static BenchArguments? TryParse(IReadOnlyList<string> args, out string? error)
    {
        string? corpus = null, queries = null;
        int count = 10_000, updates = 200;
        var json = false;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--json")
            {
                json = true;
                continue;
            }

            if (name is not ("--corpus" or "--queries" or "--count" or "--updates"))
            {
                error = $"unknown argument '{name}'.";
                return null;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"{name} needs a value.";
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--corpus":
                    corpus = value;
                    break;
                case "--queries":
                    queries = value;
                    break;
                case "--count" when TryParseRange(value, 1, 1_000_000, out count):
                case "--updates" when TryParseRange(value, 1, 100_000, out updates):
                    break;
                default:
                    error = $"{name} must be a whole number in range, not '{value}'.";
                    return null;
            }
        }

        error = null;
        return new BenchArguments(corpus, queries, count, updates, json);
    }

    private static bool TryParseRange(string value, int min, int max, out int result) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= min && result <= max;
}
