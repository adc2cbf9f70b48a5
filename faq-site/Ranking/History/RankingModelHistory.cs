using ConversationHub.Core.Events;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Ranking.Features;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Ranking.History;

/// <summary>The stored model history: activation (one active model, every node told) and loading.</summary>
internal static class RankingModelHistory
{
    /// <summary>
    /// Makes <paramref name="modelId"/> the one active model and logs who did it in the same transaction, then
    /// publishes <see cref="RankingModelTopics.Activated"/> with the model id; each node reloads its re-ranker.
    /// Activating the model that is already active changes and logs nothing. The log names the action from the
    /// ids: a newer model than the one active is a promotion, an older one a rollback.
    /// </summary>
    /// <returns>False when there is no such model.</returns>
    /// <exception cref="InvalidOperationException">The model was trained on other features (one-line message).</exception>
    /// <exception cref="RankingModelActivationConflictException">Another activation committed at the same moment.</exception>
    public static async Task<bool> ActivateAsync(
        FaqDbContext db, IHubEvents events, long modelId, RankingModelActor actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(actor);
        var target = await db.RankingModels.AsNoTracking().FirstOrDefaultAsync(m => m.Id == modelId, cancellationToken);
        if (target is null)
            return false;
        if (target.IsActive)
            return true;
        // Fail here, not on every node: a model of other features must not become active.
        Load(target);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var previousId = await db.RankingModels.Where(m => m.IsActive).Select(m => (long?)m.Id).FirstOrDefaultAsync(cancellationToken);
            // Deactivate first, then activate: the unique index on active models (one row at most) then refuses
            // only a concurrent activation on another node, never this one's own switch.
            await db.RankingModels.Where(m => m.IsActive).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, false), cancellationToken);
            await db.RankingModels.Where(m => m.Id == modelId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, true).SetProperty(m => m.ActivatedAtUtc, nowUtc), cancellationToken);
            var action = actor.Automatic ? RankingModelActivationAction.AutoPromote
                : previousId is { } before && before > modelId ? RankingModelActivationAction.Rollback
                : RankingModelActivationAction.Promote;
            db.RankingModelActivations.Add(new RankingModelActivation(modelId, previousId, action, actor.Via, actor.UserId, nowUtc));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            throw new RankingModelActivationConflictException(modelId, e);
        }

        await events.PublishAsync(RankingModelTopics.Activated, modelId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        return true;
    }

    /// <summary>The record's model, checked against this build's features.</summary>
    /// <exception cref="InvalidOperationException">The model cannot be read or was trained on other features (one-line message).</exception>
    public static FaqRankerModel Load(RankingModelRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            return FaqRankerModelSerializer.Deserialize(record.ModelJson, FaqFeatureNames.All);
        }
        catch (Exception e) when (e is InvalidDataException or RankingFeatureMismatchException)
        {
            throw new InvalidOperationException($"Ranking model {record.Id} cannot be used: {e.Message}", e);
        }
    }

    /// <summary>The model, or null when it no longer matches this build's features (a retrain must then beat first-stage order).</summary>
    public static FaqRankerModel? TryLoad(string modelJson)
    {
        try
        {
            return FaqRankerModelSerializer.Deserialize(modelJson, FaqFeatureNames.All);
        }
        catch (Exception e) when (e is InvalidDataException or RankingFeatureMismatchException)
        {
            return null;
        }
    }
}
