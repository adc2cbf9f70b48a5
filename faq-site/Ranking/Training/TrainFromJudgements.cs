using ConversationHub.Core.Events;
using ConversationHub.Faq.Evaluation;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Ranking.Features;
using ConversationHub.Faq.Ranking.History;
using ConversationHub.Faq.Ranking.Judgements;
using ConversationHub.Faq.Ranking.Retraining;
using ConversationHub.Faq.Search.Index;
using ConversationHub.Faq.Search.Service;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Ranking.Training;

/// <summary>
/// <c>faq train</c> on the platform: freezes the judgements in a snapshot, labels them
/// (<see cref="JudgementLabels"/>), holds out one query fold in <see cref="HeldOutFolds"/>, trains on the rest
/// against the live published FAQs, and scores the new model and the active one (or first-stage order) on the
/// held-out queries. The new model joins the history either way. <c>faq train</c> and a scheduled run with AutoPromote
/// activate it when it is not worse; a console run only proposes it (<see cref="PlatformTrainRequest.PromoteAs"/> null).
/// Besides the figures, the outcome lists the judged queries whose first answer changes, for editors to read.
/// </summary>
internal sealed class TrainFromJudgements(FaqDbContext db, IHubEvents events, TimeProvider time)
{
    public const int HeldOutFolds = 5;

    /// <summary>The most changed first answers kept per run (held-out queries first), so a run's row stays small.</summary>
    public const int MaxChangedAnswers = 500;

    public async Task<PlatformTrainResult> ExecuteAsync(PlatformTrainRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var report = request.Report;
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
        var candidates = DatasetCandidates.Build(new EvalDataset(documents, queries), request.CandidateCount, NeutralFaqSignals.Instance, cancellationToken);
        var foldOf = CrossValidation.AssignFolds(candidates, HeldOutFolds, request.Seed);
        var training = candidates.Where((_, i) => foldOf[i] != 0).ToList();
        var heldOut = candidates.Where((_, i) => foldOf[i] == 0).ToList();
        // Signals come from the training queries only, as in cross-validation; the held-out judgements never reach a feature.
        var signals = new JudgedQuerySignals(training);
        training = FaqRankerTraining.WithSignals(training, signals);
        heldOut = FaqRankerTraining.WithSignals(heldOut, signals);
        report.Line(TrainReportWriter.Invariant($"{documents.Count} published FAQs; training on {training.Count} queries, holding out {heldOut.Count}"));

        var lines = TrainedMember.Lines(report.Progress("platform"));
        var members = new BothProgress(lines, request.Members);
        var trained = FaqRankerTraining.Train(training, request.Seed, time, members, cancellationToken);
        var model = new FaqRankerModel(trained.FeatureNames, trained.Parameters, trained.Trees, trained.Metadata with
        {
            JudgementSnapshotId = snapshot.Id,
            JudgementSnapshotHash = snapshot.ContentHash,
        });
        var active = await db.RankingModels.AsNoTracking().FirstOrDefaultAsync(m => m.IsActive, cancellationToken);
        var activeModel = active is null ? null : RankingModelHistory.TryLoad(active.ModelJson);
        var newFigures = HeldOut(heldOut, model);
        var activeFigures = HeldOut(heldOut, activeModel);
        var promoted = request.PromoteAs is not null && newFigures.Ndcg10 >= activeFigures.Ndcg10;

        var record = new RankingModelRecord(
            FaqRankerModelSerializer.Serialize(model), snapshot.Id, snapshot.ContentHash, heldOut.Count, newFigures.Ndcg10, activeFigures.Ndcg10, time.GetUtcNow().UtcDateTime);
        db.RankingModels.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        if (promoted)
            await RankingModelHistory.ActivateAsync(db, events, record.Id, request.PromoteAs!, time.GetUtcNow().UtcDateTime, cancellationToken);
        var verdict = promoted ? "promoted"
            : newFigures.Ndcg10 < activeFigures.Ndcg10 ? "kept inactive (worse)"
            : "proposed (not worse; promote it in the console)";
        report.Line(TrainReportWriter.Invariant(
            $"model {record.Id}: held-out nDCG@10 {newFigures.Ndcg10:0.0000} vs {(active is null ? "first-stage order" : $"active model {active.Id}")} {activeFigures.Ndcg10:0.0000}: {verdict}"));
        var changed = ChangedFirstAnswers(heldOut, training, activeModel, model, WordingOf(judgements));
        var outcome = new TrainingOutcome(snapshot.Id, record.Id, active?.Id, heldOut.Count, newFigures, activeFigures, changed);
        return new PlatformTrainResult(record.Id, promoted, newFigures.Ndcg10, activeFigures.Ndcg10, null, outcome);
    }

    /// <summary>nDCG@10, MRR@10 and Hit@1 of <paramref name="model"/>'s order over the held-out queries; first-stage order without one.</summary>
    private static HeldOutFigures HeldOut(List<CandidateQuery> heldOut, FaqRankerModel? model)
    {
        var metrics = RankedListMetrics.Compute(heldOut.Select(q => ((IReadOnlyList<string>)Order(q, model), q.Judgements)));
        return new HeldOutFigures(metrics.Ndcg10, metrics.Mrr10, metrics.Hit1A);
    }

    private static string[] Order(CandidateQuery query, FaqRankerModel? model) =>
        model is null || query.CandidateIds.Length == 0 ? query.CandidateIds : FaqRankerTraining.Rerank(model, query);

    /// <summary>
    /// The judged queries (held-out first) whose first answer under the new model differs from the active model's
    /// (or first-stage order's), with the judged grade of each, so an editor can judge the change by reading it.
    /// </summary>
    private static List<ChangedFirstAnswer> ChangedFirstAnswers(
        List<CandidateQuery> heldOut, List<CandidateQuery> training, FaqRankerModel? active, FaqRankerModel model, Dictionary<string, string> wording)
    {
        var changed = new List<ChangedFirstAnswer>();
        foreach (var (queries, isHeldOut) in new[] { (heldOut, true), (training, false) })
        {
            foreach (var query in queries.OrderBy(q => q.Id, StringComparer.Ordinal))
            {
                if (query.CandidateIds.Length == 0 || changed.Count == MaxChangedAnswers)
                    continue;
                var before = Order(query, active)[0];
                var after = Order(query, model)[0];
                if (string.Equals(before, after, StringComparison.Ordinal))
                    continue;
                changed.Add(new ChangedFirstAnswer(
                    wording.GetValueOrDefault(query.Id, query.Id), FaqIdOf(before), query.Judgements.GetValueOrDefault(before), FaqIdOf(after), query.Judgements.GetValueOrDefault(after), isHeldOut));
            }
        }

        return changed;
    }

    /// <summary>
    /// The latest masked wording of each label key: labels are keyed by the folded text (kana and width folded), which
    /// editors read less easily than what was asked.
    /// </summary>
    private static Dictionary<string, string> WordingOf(List<RankingJudgement> judgements)
    {
        var wording = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var judgement in judgements)
            wording[SynonymExpander.FoldForMatching(judgement.Query)] = judgement.Query;
        return wording;
    }

    private static Guid? FaqIdOf(string documentId) => Guid.TryParse(documentId, out var id) ? id : null;

    // Both the command line's lines and the console's figures, synchronously and in order.
    private sealed class BothProgress(IProgress<TrainedMember>? lines, IProgress<TrainedMember>? figures) : IProgress<TrainedMember>
    {
        public void Report(TrainedMember value)
        {
            lines?.Report(value);
            figures?.Report(value);
        }
    }
}

/// <summary>What to train with and whether to promote.</summary>
/// <param name="PromoteAs">Activate the new model as this actor when it is not worse; null only proposes it.</param>
internal sealed record PlatformTrainRequest(int Seed, int CandidateCount, TrainReportWriter Report, IProgress<TrainedMember>? Members, RankingModelActor? PromoteAs);

/// <summary>The outcome of a platform training run; <see cref="Error"/> is set when nothing was trained.</summary>
internal sealed record PlatformTrainResult(long ModelId, bool Promoted, double HeldOutNdcg, double PreviousHeldOutNdcg, string? Error, TrainingOutcome? Outcome)
{
    public static PlatformTrainResult Failed(string error) => new(0, false, 0, 0, error, null);
}
