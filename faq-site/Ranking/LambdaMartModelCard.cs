using System.Globalization;
using System.Text;

namespace ConversationHub.Faq.Ranking;

/// <summary>A short Markdown description of a model, generated from its metadata, to keep beside the model file.</summary>
internal static class LambdaMartModelCard
{
    public static string ToMarkdown(LambdaMartModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var m = model.Metadata;
        var p = model.Parameters;
        var text = new StringBuilder();
        void Line(FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

        Line($"# FAQ re-ranker (LambdaMART)");
        Line($"");
        Line($"- Trained: {m.TrainedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, seed {m.Seed}");
        Line($"- Trees kept: {m.BestIteration} of {m.IterationsRun} trained (limit {p.TreeCount})");
        Line($"- Training data: {m.TrainingQueries} queries, {m.TrainingRows} rows, SHA-256 `{m.TrainingDataHash}`");
        if (m.JudgementSnapshotId is { } snapshotId)
            Line($"- Judgement snapshot: {snapshotId}, SHA-256 `{m.JudgementSnapshotHash}`");
        if (m.ValidationDataHash is not null)
            Line($"- Validation data: {m.ValidationQueries} queries, {m.ValidationRows} rows, SHA-256 `{m.ValidationDataHash}`");
        Line($"");
        Line($"## Metrics (nDCG@{m.NdcgCutoff}, linear gain)");
        Line($"");
        Line($"| set | nDCG@{m.NdcgCutoff} |");
        Line($"|---|---|");
        Line($"| training | {m.TrainingNdcg:0.0000} |");
        if (m.ValidationNdcg is { } validation)
            Line($"| validation | {validation:0.0000} |");
        Line($"");
        Line($"## Parameters");
        Line($"");
        Line($"| parameter | value |");
        Line($"|---|---|");
        Line($"| learning rate | {p.LearningRate} |");
        Line($"| max leaves / depth | {p.MaxLeaves} / {p.MaxDepth} |");
        Line($"| min leaf rows / hessian | {p.MinLeafRows} / {p.MinLeafHessian} |");
        Line($"| L2 / min split gain | {p.L2Regularization} / {p.MinSplitGain} |");
        Line($"| bins | {p.MaxBins} |");
        Line($"| feature / row fraction | {p.FeatureFraction} / {p.RowFraction} |");
        Line($"| sigma | {p.Sigma} |");
        Line($"| early stopping | {p.EarlyStoppingRounds} rounds |");
        Line($"");
        Line($"## Features ({model.FeatureCount}, in input order)");
        Line($"");
        for (var i = 0; i < model.FeatureCount; i++)
            Line($"{i + 1}. `{model.FeatureNames[i]}`");
        return text.ToString();
    }
}
