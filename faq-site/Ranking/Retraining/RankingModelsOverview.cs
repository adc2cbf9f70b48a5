using System.Text.Json;
using ConversationHub.Faq.Editor;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Ranking.History;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>What the retraining console reads: runs, the model history with who activated each, the activation log.</summary>
internal sealed class RankingModelsOverview(FaqDbContext db, StaffDirectory staff)
{
    /// <summary>The most models, runs and log lines listed (newest first); older ones stay in the database.</summary>
    public const int MaxListed = 50;

    public Task<TrainingRun?> RunAsync(long id, CancellationToken cancellationToken) =>
        db.TrainingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public Task<TrainingRun?> LatestRunAsync(CancellationToken cancellationToken) =>
        db.TrainingRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<TrainingRun>> RunsAsync(CancellationToken cancellationToken) =>
        await db.TrainingRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(MaxListed).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<RankingModelItem>> ModelsAsync(CancellationToken cancellationToken)
    {
        var models = await db.RankingModels.AsNoTracking().OrderByDescending(m => m.Id).Take(MaxListed).ToListAsync(cancellationToken);
        var ids = models.Select(m => m.Id).ToList();
        var activations = await db.RankingModelActivations.AsNoTracking().Where(a => ids.Contains(a.ModelId)).ToListAsync(cancellationToken);
        var latest = activations.GroupBy(a => a.ModelId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.Id)!);
        var names = await staff.NamesAsync(latest.Values.Select(a => a.UserId), cancellationToken);
        return [.. models.Select(m =>
        {
            var card = Card.Read(m.ModelJson);
            var activation = latest.GetValueOrDefault(m.Id);
            var userId = activation?.UserId;
            return new RankingModelItem(
                m.Id, m.IsActive, m.CreatedAtUtc, card.Trainer, card.Trees, card.TrainingQueries, m.SnapshotId, m.HeldOutQueries, m.HeldOutNdcg, m.PreviousHeldOutNdcg,
                activation?.CreatedAtUtc ?? m.ActivatedAtUtc, activation?.Via, userId, userId is { } u ? names.GetValueOrDefault(u) : null);
        })];
    }

    public async Task<IReadOnlyList<RankingModelActivationItem>> ActivationsAsync(CancellationToken cancellationToken)
    {
        var log = await db.RankingModelActivations.AsNoTracking().OrderByDescending(a => a.Id).Take(MaxListed).ToListAsync(cancellationToken);
        var names = await staff.NamesAsync(log.Select(a => a.UserId), cancellationToken);
        return [.. log.Select(a => new RankingModelActivationItem(
            a.Id, a.ModelId, a.PreviousModelId, RankingModelActivationActions.ToStored(a.Action), a.Via, a.UserId, a.UserId is { } u ? names.GetValueOrDefault(u) : null, a.CreatedAtUtc))];
    }

    /// <summary>The questions of the FAQs a run's changed answers name, by id.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> QuestionsAsync(IEnumerable<ChangedFirstAnswer> rows, CancellationToken cancellationToken)
    {
        var ids = rows.SelectMany(r => new[] { r.BeforeFaqId, r.AfterFaqId }).OfType<Guid>().Distinct().ToList();
        return await db.Faqs.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Question, cancellationToken);
    }

    /// <summary>The model card's essentials, read from the stored JSON's <c>training</c> object without loading the trees.</summary>
    private sealed record Card(string Trainer, int Trees, int TrainingQueries)
    {
        public static Card Read(string modelJson)
        {
            try
            {
                using var document = JsonDocument.Parse(modelJson);
                if (document.RootElement.TryGetProperty("training", out var training))
                {
                    return new Card(
                        training.TryGetProperty("trainer", out var trainer) ? trainer.GetString() ?? "" : "",
                        training.TryGetProperty("trees", out var trees) && trees.TryGetInt32(out var t) ? t : 0,
                        training.TryGetProperty("trainingQueries", out var queries) && queries.TryGetInt32(out var q) ? q : 0);
                }
            }
            catch (JsonException)
            {
                // An unreadable model still lists; activating it fails loudly.
            }

            return new Card("", 0, 0);
        }
    }
}
