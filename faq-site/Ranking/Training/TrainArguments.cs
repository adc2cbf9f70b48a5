using ConversationHub.Faq.CommandLine;

namespace ConversationHub.Faq.Ranking.Training;

/// <summary>The parsed arguments of <c>faq train</c>.</summary>
internal sealed record TrainArguments(
    string? DatasetDirectory, int Folds, int Seed, string? OutPath, bool Json, int Candidates, bool JudgedSignals)
{
    public const string Usage =
        "usage: faq train [--seed 1] [--candidates 50] [--json]  (from the platform's judgements; promotes when not worse)\n" +
        "       faq train --from-dataset <dir with corpus.json, queries.json, qrels.json> [--folds 5] [--seed 1] " +
        "[--out models/<name>.json] [--candidates 50] [--signals judged|none] [--json]";

    /// <summary>Parses the arguments after <c>faq train</c>; on failure returns null and a message for the user.</summary>
    public static TrainArguments? TryParse(IReadOnlyList<string> args, out string? error)
    {
        var parsed = VerbArguments.TryParse(args, ["--from-dataset", "--folds", "--seed", "--out", "--candidates", "--signals"], ["--json"], out error);
        if (parsed is null
            || !parsed.TryInt("--folds", 2, 20, 0, out var folds, out error)
            || !parsed.TryInt("--seed", int.MinValue, int.MaxValue, 1, out var seed, out error, allowSign: true)
            || !parsed.TryInt("--candidates", 1, 1000, Reranking.FaqReranker.DefaultCandidateCount, out var candidates, out error))
        {
            return null;
        }

        var signals = parsed.Value("--signals") ?? "judged";
        if (signals is not ("judged" or "none"))
        {
            error = $"--signals must be 'judged' or 'none', not '{signals}'.";
            return null;
        }

        var dataset = parsed.Value("--from-dataset");
        var outPath = parsed.Value("--out");
        if (dataset is null && (folds != 0 || outPath is not null || parsed.Value("--signals") is not null))
        {
            error = "--folds, --out and --signals need --from-dataset; training from the platform's judgements holds out one fold and stores the model in the history.";
            return null;
        }

        if (dataset is not null && folds == 0 && outPath is null)
        {
            error = "nothing to do: give --folds <k> to cross-validate, --out <file.json> to write a model, or both.";
            return null;
        }

        return new TrainArguments(dataset, folds, seed, outPath, parsed.Flag("--json"), candidates, signals == "judged");
    }
}
