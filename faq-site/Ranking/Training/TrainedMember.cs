using System.Globalization;

namespace ConversationHub.Faq.Ranking.Training;

/// <summary>
/// One finished member of a training run's average (<see cref="FaqRankerTraining.EnsembleSize"/> in all): its trees after
/// early stopping and its nDCG on the share of queries it was early-stopped on.
/// </summary>
internal sealed record TrainedMember(int Member, int Of, int Trees, int NdcgCutoff, double ValidationNdcg, int ValidationQueries)
{
    /// <summary>The command line's progress line.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"member {Member}/{Of}: {Trees} trees, nDCG@{NdcgCutoff} {ValidationNdcg:0.0000} on its {ValidationQueries} early-stopping queries");

    /// <summary>Members as the command line's progress lines; null stays null.</summary>
    public static IProgress<TrainedMember>? Lines(IProgress<string>? lines) => lines is null ? null : new LineProgress(lines);

    // Synchronous, unlike Progress<T>: the lines keep their order and appear before training goes on.
    private sealed class LineProgress(IProgress<string> lines) : IProgress<TrainedMember>
    {
        public void Report(TrainedMember value) => lines.Report(value.ToString());
    }
}
