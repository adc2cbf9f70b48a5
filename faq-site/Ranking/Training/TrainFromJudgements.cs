using ConversationHub.Core.Events;
using ConversationHub.Faq.Evaluation;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Ranking.Features;
using ConversationHub.Faq.Ranking.History;
using ConversationHub.Faq.Ranking.Judgements;
using ConversationHub.Faq.Search.Service;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Ranking.Training;

/// <summary>
/// <c>faq train</c> on the platform: freezes the judgements in a snapshot, labels them
/// (<see cref="JudgementLabels"/>), holds out one query fold in <see cref="HeldOutFolds"/>, trains on the rest
/// against the live published FAQs, and scores the new model and the active one (or first-stage order) on the
/// held-out queries. The new model joins the history either way and becomes active only when it is not worse.
/// </summary>
internal sealed class TrainFromJudgements(FaqDbContext db, IHubEvents events, TimeProvider time)
{
    public const int HeldOutFolds = 5;

    public async Task<PlatformTrainResult> ExecuteAsync(int seed, int candidateCount, TrainReportWriter report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var snapshot = await JudgementSnapshots.TakeAsync(db, null, time.GetUtcNow().UtcDateTime, cancellationToken);
        var judgements = await JudgementSnapshots.ReadAsync(db, snapshot, cancellationToken);
        var labels = JudgementLabels.Build(judgements);
        var queries = labels.Where(l => l.Value.Values.Any(grade => grade > 0))
            .Select(l => new EvalQuery(l.Key, l.Key, l.Value)).ToList();
        report.Line(TrainReportWriter.Invariant(
            $"snapshot {snapshot.Id}: {snapshot.JudgementCount} judgements up to id {snapshot.MaxJudgementId}, SHA-256 {snapshot.ContentHash}; {queries.Count} queries with a relevant FAQ"));
        if (queries.Count < HeldOutFolds)
            return PlatformTrainResult.Failed($"training needs at least {HeldOutFolds} judged queries with a relevant FAQ; the snapshot has {queries.Count}.");

        var documents = (await FaqSearchDocuments.LoadAsync(db, null, cancellationToken)).Select(f => f.Document).ToList();
        var candidates = DatasetCandidates.Build(new EvalDataset(documents, queries), candidateCount, NeutralFaqSignals.Instance, cancellationToken);
        var foldOf = CrossValidation.AssignFolds(candidates, HeldOutFolds, seed);
        var training = candidates.Where((_, i) => foldOf[i] != 0).ToList();
        var heldOut = candidates.Where((_, i) => foldOf[i] == 0).ToList();
        // Signals come from the training queries only, as in cross-validation; the held-out judgements never reach a feature.
        var signals = new JudgedQuerySignals(training);
        training = FaqRankerTraining.WithSignals(training, signals);
        heldOut = FaqRankerTraining.WithSignals(heldOut, signals);
        report.Line(TrainReportWriter.Invariant($"{documents.Count} published FAQs; training on {training.Count} queries, holding out {heldOut.Count}"));

        var trained = FaqRankerTraining.Train(training, seed, time, report.Progress("platform"), cancellationToken);
        var model = new FaqRankerModel(trained.FeatureNames, trained.Parameters, trained.Trees, trained.Metadata with
        {
            JudgementSnapshotId = snapshot.Id,
            JudgementSnapshotHash = snapshot.ContentHash,
        });
        var newNdcg = HeldOutNdcg(heldOut, model);
        var active = await db.RankingModels.FirstOrDefaultAsync(m => m.IsActive, cancellationToken);
        var previousNdcg = HeldOutNdcg(heldOut, active is null ? null : RankingModelHistory.TryLoad(active.ModelJson));
        var promoted = newNdcg >= previousNdcg;

        var record = new RankingModelRecord(
            FaqRankerModelSerializer.Serialize(model), snapshot.Id, snapshot.ContentHash, heldOut.Count, newNdcg, previousNdcg, time.GetUtcNow().UtcDateTime);
        db.RankingModels.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        if (promoted)
            await RankingModelHistory.ActivateAsync(db, events, record.Id, time.GetUtcNow().UtcDateTime, cancellationToken);
        report.Line(TrainReportWriter.Invariant(
            $"model {record.Id}: held-out nDCG@10 {newNdcg:0.0000} vs {(active is null ? "first-stage order" : $"active model {active.Id}")} {previousNdcg:0.0000}: {(promoted ? "promoted" : "kept inactive (worse)")}"));
        return new PlatformTrainResult(record.Id, promoted, newNdcg, previousNdcg, null);
    }

    /// <summary>nDCG@10 of <paramref name="model"/>'s order over the held-out queries; first-stage order without one.</summary>
    private static double HeldOutNdcg(List<CandidateQuery> heldOut, FaqRankerModel? model) =>
        RankedListMetrics.Compute(heldOut.Select(q => ((IReadOnlyList<string>)(model is null || q.CandidateIds.Length == 0
            ? q.CandidateIds
            : FaqRankerTraining.Rerank(model, q)), q.Judgements))).Ndcg10;
}

/// <summary>The outcome of a platform training run; <see cref="Error"/> is set when nothing was trained.</summary>
internal sealed record PlatformTrainResult(long ModelId, bool Promoted, double HeldOutNdcg, double PreviousHeldOutNdcg, string? Error)
{
    public static PlatformTrainResult Failed(string error) => new(0, false, 0, 0, error);
}
