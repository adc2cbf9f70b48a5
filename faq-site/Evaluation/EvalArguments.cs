using System.Globalization;

namespace ConversationHub.Faq.Evaluation;

/// <summary>The parsed arguments of <c>faq eval</c>.</summary>
internal sealed record EvalArguments(string CorpusPath, string QueriesPath, string QrelsPath, bool Json, int Top)
{
    /// <summary>A model from <c>faq train</c>; adds the <c>hub+ltr</c> row.</summary>
    public string? ModelPath { get; init; }

    public const string Usage =
        "usage: faq eval --corpus <corpus.json> --queries <queries.json> --qrels <qrels.json> [--json] [--top 10] [--model <model.json>]";

    /// <summary>Parses the arguments after <c>faq eval</c>; on failure returns null and a message for the user.</summary>
    public static EvalArguments? TryParse(IReadOnlyList<string> args, out string? error)
    {
        string? corpus = null, queries = null, qrels = null, model = null;
        var json = false;
        var top = 10;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--json")
            {
                json = true;
                continue;
            }

            if (name is not ("--corpus" or "--queries" or "--qrels" or "--top" or "--model"))
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
                case "--qrels":
                    qrels = value;
                    break;
                case "--model":
                    model = value;
                    break;
                default:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top is < 1 or > 1000)
                    {
                        error = $"--top must be a whole number from 1 to 1000, not '{value}'.";
                        return null;
                    }

                    break;
            }
        }

        var missing = new[] { ("--corpus", corpus), ("--queries", queries), ("--qrels", qrels) }
            .Where(a => a.Item2 is null).Select(a => a.Item1).ToArray();
        if (missing.Length > 0)
        {
            error = $"missing {string.Join(", ", missing)}.";
            return null;
        }

        error = null;
        return new EvalArguments(corpus!, queries!, qrels!, json, top) { ModelPath = model };
    }
}
