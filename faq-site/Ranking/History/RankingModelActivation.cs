namespace ConversationHub.Faq.Ranking.History;

/// <summary>
/// One line of the activation log: which model became active, why, by whom, when, and which model it replaced.
/// Written in the same transaction as the switch itself (<see cref="RankingModelHistory.ActivateAsync"/>), so the
/// log and <see cref="RankingModelRecord.IsActive"/> never disagree. Append-only.
/// </summary>
public sealed class RankingModelActivation
{
    public const int MaxViaLength = 16;

    public RankingModelActivation(long modelId, long? previousModelId, RankingModelActivationAction action, string via, Guid? userId, DateTime createdAtUtc)
    {
        ArgumentNullException.ThrowIfNull(via);
        ModelId = modelId;
        PreviousModelId = previousModelId;
        Action = action;
        Via = via;
        UserId = userId;
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }

    public long ModelId { get; private set; }

    /// <summary>The model active until then; null when none was (search kept first-stage order).</summary>
    public long? PreviousModelId { get; private set; }

    public RankingModelActivationAction Action { get; private set; }

    /// <summary><c>console</c>, <c>schedule</c> or <c>command_line</c>.</summary>
    public string Via { get; private set; }

    /// <summary>The editor or administrator; null for the schedule and the command line.</summary>
    public Guid? UserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
}
