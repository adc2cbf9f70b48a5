namespace ConversationHub.Handoff.Queue;

/// <summary>What became of an offer. Stored as its name.</summary>
public enum OfferState
{
    /// <summary>Shown to the agent, waiting for 応答.</summary>
    Open,

    /// <summary>The agent accepted.</summary>
    Accepted,

    /// <summary>The agent declined.</summary>
    Declined,

    /// <summary>Not accepted in time; routing offers it to the next agent.</summary>
    Expired,

    /// <summary>Withdrawn: someone else took the conversation, the citizen left, or the agent went offline.</summary>
    Withdrawn,
}

/// <summary>
/// A queued conversation offered to one agent. At most one open offer per conversation (a unique filtered index),
/// so two nodes routing at once cannot offer one conversation twice.
/// </summary>
public sealed class HandoffOffer
{
    // For EF Core.
    private HandoffOffer()
    {
    }

    /// <summary>Creates an open offer.</summary>
    public HandoffOffer(Guid conversationId, Guid agentId, DateTime nowUtc, DateTime expiresAtUtc)
    {
        Id = Guid.CreateVersion7();
        ConversationId = conversationId;
        AgentId = agentId;
        OfferedAtUtc = nowUtc;
        ExpiresAtUtc = expiresAtUtc;
        State = OfferState.Open;
    }

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; private set; }

    /// <summary>The conversation offered.</summary>
    public Guid ConversationId { get; private set; }

    /// <summary>The agent it was offered to.</summary>
    public Guid AgentId { get; private set; }

    /// <summary>When (UTC).</summary>
    public DateTime OfferedAtUtc { get; private set; }

    /// <summary>When it runs out (UTC).</summary>
    public DateTime ExpiresAtUtc { get; private set; }

    /// <summary>What became of it.</summary>
    public OfferState State { get; set; }

    /// <summary>When it was accepted, declined, expired or withdrawn (UTC).</summary>
    public DateTime? ClosedAtUtc { get; set; }
}

/// <summary>Ends open offers in one conditional update, whichever node does it.</summary>
internal static class OpenOffers
{
    /// <summary>Moves the open ones among <paramref name="offers"/> to <paramref name="state"/>; returns how many.</summary>
    public static Task<int> CloseAsync(this IQueryable<HandoffOffer> offers, OfferState state, DateTime nowUtc, CancellationToken cancellationToken) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(
            offers.Where(o => o.State == OfferState.Open),
            s => s.SetProperty(o => o.State, state).SetProperty(o => o.ClosedAtUtc, nowUtc),
            cancellationToken);
}
