using ConversationHub.Core.Events;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Ranking.History;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>
/// An editor promotes a newer model or rolls back to an earlier one, after confirming: the switch and its log line
/// are one transaction, and every node reloads within seconds (<see cref="RankingModelHistory.ActivateAsync"/>).
/// </summary>
internal sealed class ActivateRankingModel(FaqDbContext db, IHubEvents events, TimeProvider time)
{
    public async Task<ActivateRankingModelResult> ExecuteAsync(long modelId, Guid? userId, CancellationToken cancellationToken)
    {
        var model = await db.RankingModels.AsNoTracking().Where(m => m.Id == modelId).Select(m => new { m.IsActive }).FirstOrDefaultAsync(cancellationToken);
        if (model is null)
            return ActivateRankingModelResult.NotFound;
        if (model.IsActive)
            return ActivateRankingModelResult.AlreadyActive;
        try
        {
            await RankingModelHistory.ActivateAsync(db, events, modelId, RankingModelActor.Editor(userId), time.GetUtcNow().UtcDateTime, cancellationToken);
            return ActivateRankingModelResult.Activated;
        }
        catch (RankingModelActivationConflictException)
        {
            return ActivateRankingModelResult.Concurrent;
        }
        catch (InvalidOperationException)
        {
            return ActivateRankingModelResult.Unusable;
        }
    }
}

/// <summary>How an activation ended.</summary>
internal enum ActivateRankingModelResult
{
    Activated,
    NotFound,
    AlreadyActive,

    /// <summary>Another activation was stored at the same moment; nothing changed.</summary>
    Concurrent,

    /// <summary>The model was trained on other features than this build computes.</summary>
    Unusable,
}
