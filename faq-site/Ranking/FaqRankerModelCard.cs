using System.Globalization;
using System.Text;

namespace ConversationHub.Faq.Ranking;

/// <summary>A short Markdown description of a model, generated from its metadata, to keep beside the model file.</summary>
internal static class FaqRankerModelCard
{
    public static string ToMarkdown(FaqRankerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var m = model.Metadata;
        var p = model.Parameters;
        var text = new StringBuilder();
        void Line(FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

        Line($"# FAQ re-ranker ({m.Trainer})");
        Line($"");
        Line($"- Trained: {m.TrainedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, seed {m.Seed}");
        Line($"- Trees: {m.Trees} in the average of {m.Members} models (limit {p.TreeCount} per model, pruned back to the best validation round)");
        Line($"- Training data: {m.TrainingQueries} queries, {m.TrainingRows} rows, SHA-256 `{m.TrainingDataHash}`");
        if (m.JudgementSnapshotId is { } snapshotId)
            Line($"- Judgement snapshot: {snapshotId}, SHA-256 `{m.JudgementSnapshotHash}`");
        Line($"");
        Line($"## Metrics (nDCG@{m.NdcgCutoff}, linear gain)");
        Line($"");
        Line($"| set | nDCG@{m.NdcgCutoff} |");
        Line($"|---|---|");
        Line($"| training (averaged model) | {m.TrainingNdcg:0.0000} |");
        if (m.ValidationNdcg is { } validation)
            Line($"| early-stopping shares (members' mean) | {validation:0.0000} |");
        Line($"");
        Line($"## Parameters");
        Line($"");
        Line($"| parameter | value |");
        Line($"|---|---|");
        Line($"| trees (most) | {p.TreeCount} |");
        Line($"| learning rate | {p.LearningRate} |");
        Line($"| max leaves | {p.MaxLeaves} |");
        Line($"| min leaf rows | {p.MinLeafRows} |");
        Line($"| feature fraction | {p.FeatureFraction} |");
        Line($"| pruning metric | validation NDCG@{p.EarlyStoppingNdcgAt} |");
        Line($"| gains | label (0, 1, 2, …) |");
        Line($"| neighbours' vote weight | {p.NeighbourVoteWeight} |");
        Line($"");
        Line($"## Features ({model.FeatureCount}, in input order)");
        Line($"");
        for (var i = 0; i < model.FeatureCount; i++)
            Line($"{i + 1}. `{model.FeatureNames[i]}`");
        return text.ToString();
    }
}
