using ConversationHub.Faq.CommandLine;

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
        var parsed = VerbArguments.TryParse(args, ["--corpus", "--queries", "--qrels", "--top", "--model"], ["--json"], out error);
        if (parsed is null || !parsed.TryInt("--top", 1, 1000, 10, out var top, out error))
        {
            return null;
        }

        error = parsed.Missing("--corpus", "--queries", "--qrels");
        return error is not null
            ? null
            : new EvalArguments(parsed.Value("--corpus")!, parsed.Value("--queries")!, parsed.Value("--qrels")!, parsed.Flag("--json"), top) { ModelPath = parsed.Value("--model") };
    }
}
