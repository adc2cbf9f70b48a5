using System.Globalization;
using System.Text;

namespace ConversationHub.Faq.Ranking.Training;

/// <summary>The model card of a FAQ re-ranker: the library's card plus how it was trained and cross-validated.</summary>
internal static class FaqModelCard
{
    public static string ToMarkdown(
        FaqRankerModel model, TrainArguments arguments, IReadOnlyList<(RankedListMetrics FirstStage, RankedListMetrics Reranked)> folds)
    {
        var text = new StringBuilder(FaqRankerModelCard.ToMarkdown(model));
        void Line(FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Line($"");
        Line($"## Training data");
        Line($"");
        Line($"- Dataset folder: `{Path.GetFileName(Path.TrimEndingDirectorySeparator(arguments.DatasetDirectory!))}` (localgovFAQ format); candidates: first-stage top {arguments.Candidates}");
        Line($"- Labels: judged grade (2 contains the answer, 1 relevant, 0 unjudged); the average of {FaqRankerTraining.EnsembleSize} FastTree models, each early-stopped (pruned) on a different 1/{FaqRankerTraining.EnsembleSize} of the queries");
        Line($"- Platform signals: {(arguments.JudgedSignals ? "judged (query, FAQ) pairs of the training queries as confirmed answers, leave-one-out" : "none (neutral values)")}");
        if (folds.Count == 0)
            return text.ToString();
        Line($"");
        Line($"## Cross-validation ({folds.Count} folds by query, seed {arguments.Seed})");
        Line($"");
        Line($"| fold | engine | nDCG@10 | MRR@10 | Recall@10 | Hit@1A | Hit@5A |");
        Line($"|---|---|---|---|---|---|---|");
        void Row(string fold, string engine, RankedListMetrics m) =>
            Line($"| {fold} | {engine} | {m.Ndcg10:0.0000} | {m.Mrr10:0.0000} | {m.Recall10:0.0000} | {m.Hit1A:0.0000} | {m.Hit5A:0.0000} |");
        for (var i = 0; i < folds.Count; i++)
        {
            Row((i + 1).ToString(CultureInfo.InvariantCulture), "hub", folds[i].FirstStage);
            Row((i + 1).ToString(CultureInfo.InvariantCulture), "hub+ltr", folds[i].Reranked);
        }

        Row("mean", "hub", RankedListMetrics.Average([.. folds.Select(f => f.FirstStage)]));
        Row("mean", "hub+ltr", RankedListMetrics.Average([.. folds.Select(f => f.Reranked)]));
        return text.ToString();
    }
}
