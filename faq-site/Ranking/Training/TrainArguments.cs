using System.Globalization;

namespace ConversationHub.Faq.Ranking.Training;

/// <summary>The parsed arguments of <c>faq train</c>.</summary>
internal sealed record TrainArguments(string? DatasetDirectory, int Folds, int Seed, string? OutPath, bool Json, int Candidates, bool JudgedSignals)
{
    public const string Usage =
        "usage: faq train --from-dataset <dir with corpus.json, queries.json, qrels.json> [--folds 5] [--seed 1] " +
        "[--out models/<name>.json] [--candidates 50] [--signals judged|none] [--json]";

    /// <summary>Parses the arguments after <c>faq train</c>; on failure returns null and a message for the user.</summary>
    public static TrainArguments? TryParse(IReadOnlyList<string> args, out string? error)
    {
        string? dataset = null, outPath = null;
        int folds = 0, seed = 1, candidates = Reranking.FaqReranker.DefaultCandidateCount;
        var json = false;
        var judgedSignals = true;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--json")
            {
                json = true;
                continue;
            }

            if (name is not ("--from-dataset" or "--folds" or "--seed" or "--out" or "--candidates" or "--signals"))
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
                case "--from-dataset":
                    dataset = value;
                    break;
                case "--out":
                    outPath = value;
                    break;
                case "--folds" when !TryInt(value, 2, 20, out folds):
                    error = $"--folds must be a whole number from 2 to 20, not '{value}'.";
                    return null;
                case "--seed" when !int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed):
                    error = $"--seed must be a whole number, not '{value}'.";
                    return null;
                case "--signals" when value is not ("judged" or "none"):
                    error = $"--signals must be 'judged' or 'none', not '{value}'.";
                    return null;
                case "--signals":
                    judgedSignals = value == "judged";
                    break;
                case "--candidates" when !TryInt(value, 1, 1000, out candidates):
                    error = $"--candidates must be a whole number from 1 to 1000, not '{value}'.";
                    return null;
            }
        }

        if (dataset is null)
        {
            // TODO(ranking-judgements): without --from-dataset, train from the platform's stored judgements.
            error = "training from the platform's judgements is not available yet; give --from-dataset <dir>.";
            return null;
        }

        if (folds == 0 && outPath is null)
        {
            error = "nothing to do: give --folds <k> to cross-validate, --out <file.json> to write a model, or both.";
            return null;
        }

        error = null;
        return new TrainArguments(dataset, folds, seed, outPath, json, candidates, judgedSignals);
    }

    private static bool TryInt(string value, int min, int max, out int result) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= min && result <= max;
}
