using ConversationHub.Core.Conversations.Domain;

namespace ConversationHub.Core.Handoff;

/// <summary>
/// What the bot needs to know of the agent queue, without depending on the handoff module (they meet in core): whether a
/// person can be offered now, and a queued citizen's place. The handoff module registers the real desk; without it
/// (<see cref="NoHandoffDesk"/>) a person is never offered.
/// </summary>
public interface IHandoffDesk
{
    /// <summary>
    /// Whether a handoff can be offered at <paramref name="now"/> (the caller's clock) on <paramref name="channel"/> for
    /// <paramref name="category"/>, and why not.
    /// </summary>
    Task<HandoffCheck> CheckAsync(ConversationChannel channel, string? category, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The queued conversation's place and estimated wait, or null when it is not waiting.</summary>
    Task<QueueStanding?> GetStandingAsync(Guid conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Where a call taken by <paramref name="agentId"/> is connected: the agent's phone, E.164 (<c>+81…</c>) or an ACS
    /// identity (<c>8:acs:…</c>); null when the agent takes no calls.
    /// </summary>
    Task<string?> GetAgentPhoneAsync(Guid agentId, CancellationToken cancellationToken);
}

/// <summary>Whether a person can be offered.</summary>
public enum HandoffAvailability
{
    /// <summary>Agents are signed in and the queue has room.</summary>
    Available,

    /// <summary>No agent is signed in (受付可 or 離席).</summary>
    NoAgents,

    /// <summary>Outside the business calendar's hours.</summary>
    Closed,

    /// <summary>The queue is longer than the configured limit.</summary>
    Congested,
}

/// <summary>The answer of <see cref="IHandoffDesk.CheckAsync"/>.</summary>
/// <param name="Availability">Whether a person can be offered.</param>
/// <param name="Waiting">Conversations waiting now.</param>
/// <param name="EstimatedWait">The estimated wait of a conversation queued now, when known.</param>
public sealed record HandoffCheck(HandoffAvailability Availability, int Waiting, TimeSpan? EstimatedWait);

/// <summary>A queued conversation's place (1 = next) and estimated wait.</summary>
public sealed record QueueStanding(int Position, TimeSpan EstimatedWait);

/// <summary>The desk of a platform without the handoff module: nobody can take a conversation.</summary>
public sealed class NoHandoffDesk : IHandoffDesk
{
    /// <inheritdoc />
    public Task<HandoffCheck> CheckAsync(ConversationChannel channel, string? category, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(new HandoffCheck(HandoffAvailability.NoAgents, 0, null));

    /// <inheritdoc />
    public Task<QueueStanding?> GetStandingAsync(Guid conversationId, CancellationToken cancellationToken) =>
        Task.FromResult<QueueStanding?>(null);

    /// <inheritdoc />
    public Task<string?> GetAgentPhoneAsync(Guid agentId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
