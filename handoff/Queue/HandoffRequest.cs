namespace ConversationHub.Handoff.Queue;

/// <summary>Where a handed-off conversation stands in the center's books. Stored as its name.</summary>
public enum HandoffOutcome
{
    /// <summary>Waiting in the queue (the conversation's owner is queued).</summary>
    Waiting,

    /// <summary>An agent has it.</summary>
    Answered,

    /// <summary>The citizen left before an agent joined.</summary>
    Abandoned,

    /// <summary>An agent closed it with a wrap-up code.</summary>
    Closed,
}

/// <summary>
/// The contact record of one handoff: why and about what it was asked for, the wait, who answered, the wrap-up and the
/// citizen's satisfaction. Core's conversation owner stays the truth of who answers; this row follows it and carries
/// what only the center needs (the queue's order, service-level figures).
/// </summary>
public sealed class HandoffRequest
{
    // For EF Core.
    private HandoffRequest()
    {
        Channel = "";
        Reason = "";
        Language = "";
    }

    /// <summary>Creates the record of a conversation that has just been queued.</summary>
    public HandoffRequest(Guid conversationId, string channel, string reason, string? category, string language, DateTime queuedAtUtc)
    {
        ConversationId = conversationId;
        Channel = channel;
        Reason = reason;
        Category = category;
        Language = language;
        QueuedAtUtc = queuedAtUtc;
        WaitingSinceUtc = queuedAtUtc;
        Outcome = HandoffOutcome.Waiting;
    }

    /// <summary>The conversation (one record per conversation).</summary>
    public Guid ConversationId { get; private set; }

    /// <summary>The conversation's channel (<c>WebChat</c>, <c>Line</c> …).</summary>
    public string Channel { get; private set; }

    /// <summary>Why the handoff was asked for (<c>user_request</c> …).</summary>
    public string Reason { get; private set; }

    /// <summary>The FAQ category the conversation was about, when known.</summary>
    public string? Category { get; set; }

    /// <summary>
    /// The program (施策, issue 19) the conversation came through, copied from the conversation when the record is made,
    /// so the contact events made from the record (offers) carry it.
    /// </summary>
    public Guid? ProgramId { get; init; }

    /// <summary>The citizen's language (BCP 47 primary tag).</summary>
    public string Language { get; private set; }

    /// <summary>When the citizen first entered the queue (UTC).</summary>
    public DateTime QueuedAtUtc { get; private set; }

    /// <summary>When the current wait began (UTC): the first queueing, or the return to the queue.</summary>
    public DateTime WaitingSinceUtc { get; set; }

    /// <summary>
    /// 1 for a conversation returned to the queue (its agent was lost), 0 otherwise: returned ones go to the head.
    /// </summary>
    public int Priority { get; set; }

    /// <summary>Where it stands.</summary>
    public HandoffOutcome Outcome { get; set; }

    /// <summary>The first agent's acceptance (UTC): the wait ends here.</summary>
    public DateTime? AnsweredAtUtc { get; set; }

    /// <summary>The agent who has (or last had) it.</summary>
    public Guid? AgentId { get; set; }

    /// <summary>When it was closed or abandoned (UTC).</summary>
    public DateTime? EndedAtUtc { get; set; }

    /// <summary>The wrap-up code chosen on closing.</summary>
    public string? WrapUpCode { get; set; }

    /// <summary>The citizen's satisfaction, 1 (とても不満) to 5 (とても満足).</summary>
    public int? Satisfaction { get; set; }

    /// <summary>The citizen's optional comment (personal data, encrypted at rest).</summary>
    public string? SatisfactionComment { get; set; }

    /// <summary>The last place told to the citizen, so a change is told once.</summary>
    public int? AnnouncedPosition { get; set; }

    /// <summary>When the place was last told (UTC), so a long queue's citizens are not told of every step.</summary>
    public DateTime? AnnouncedAtUtc { get; set; }

    /// <summary>How many times it went back to the queue.</summary>
    public int Requeues { get; set; }

    /// <summary>Back to the head of the queue (its agent was lost, or core's owner says it is queued again).</summary>
    public void ReturnToQueue(DateTime waitingSinceUtc)
    {
        Outcome = HandoffOutcome.Waiting;
        Priority = 1;
        WaitingSinceUtc = waitingSinceUtc;
        AnnouncedPosition = null;
    }

    /// <summary>An agent has it; the wait ended at the first acceptance.</summary>
    public void MarkAnswered(Guid agentId, DateTime answeredAtUtc)
    {
        Outcome = HandoffOutcome.Answered;
        AnsweredAtUtc ??= answeredAtUtc;
        AgentId = agentId;
    }
}

/// <summary>The queue's one order, wherever it is read.</summary>
internal static class HandoffQueueOrder
{
    /// <summary>Returned conversations first, then by when their wait began (the id breaks ties).</summary>
    public static IOrderedQueryable<HandoffRequest> InQueueOrder(this IQueryable<HandoffRequest> requests) =>
        requests.OrderByDescending(r => r.Priority).ThenBy(r => r.WaitingSinceUtc).ThenBy(r => r.ConversationId);
}
