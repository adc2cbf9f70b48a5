namespace ConversationHub.Core.Conversations.Domain;

/// <summary>Something that happened to a conversation; published on the hub after the change is committed.</summary>
/// <param name="ConversationId">The conversation.</param>
public abstract record ConversationEvent(Guid ConversationId)
{
    /// <summary>Dotted wire name, as in <see cref="ConversationEventTopics"/>.</summary>
    public abstract string Topic { get; }
}

/// <summary>The bot (or the citizen) asked for a person: bot → queued.</summary>
public sealed record HandoffRequested(Guid ConversationId, string Reason, string? Category = null) : ConversationEvent(ConversationId)
{
    /// <inheritdoc />
    public override string Topic => ConversationEventTopics.HandoffRequested;
}

/// <summary>An agent took the conversation: queued → agent.</summary>
public sealed record AgentAssigned(Guid ConversationId, Guid AgentId) : ConversationEvent(ConversationId)
{
    /// <summary>How long the conversation waited in the queue (ms), from the hand-off or the requeue.</summary>
    public long? WaitMs { get; init; }

    /// <summary>Whether this is the conversation's first agent (not a return from the queue after a requeue).</summary>
    public bool FirstAnswer { get; init; }

    /// <inheritdoc />
    public override string Topic => ConversationEventTopics.AgentAssigned;
}

/// <summary>The conversation ended (closed) or was abandoned in the queue.</summary>
public sealed record ConversationEnded(Guid ConversationId, ConversationOwner FinalOwner, string Reason) : ConversationEvent(ConversationId)
{
    /// <summary>The agent who closed it; null when the bot closed it or it was abandoned.</summary>
    public Guid? AgentId { get; init; }

    /// <summary>The agent's wrap-up code, when closed by an agent with one.</summary>
    public string? WrapUpCode { get; init; }

    /// <summary>How long an abandoned conversation waited in the queue (ms).</summary>
    public long? WaitMs { get; init; }

    /// <inheritdoc />
    public override string Topic => ConversationEventTopics.Ended;
}

/// <summary>The agent's chats went back to the queue (the agent closed the console or lost the connection): agent → queued.</summary>
public sealed record ConversationRequeued(Guid ConversationId, Guid PreviousAgentId, string Reason) : ConversationEvent(ConversationId)
{
    /// <inheritdoc />
    public override string Topic => ConversationEventTopics.Requeued;
}

/// <summary>An agent handed the conversation to another agent: agent → agent.</summary>
public sealed record ConversationTransferred(Guid ConversationId, Guid FromAgentId, Guid ToAgentId) : ConversationEvent(ConversationId)
{
    /// <inheritdoc />
    public override string Topic => ConversationEventTopics.Transferred;
}

/// <summary>Dotted names of the conversation events (the hub's topics).</summary>
public static class ConversationEventTopics
{
    /// <summary>A new activity was written to a transcript; payload: conversation id and sequence.</summary>
    public const string ActivityAdded = "conversation.activity_added";

    /// <summary><see cref="Domain.HandoffRequested"/>.</summary>
    public const string HandoffRequested = "conversation.handoff_requested";

    /// <summary><see cref="Domain.AgentAssigned"/>.</summary>
    public const string AgentAssigned = "conversation.agent_assigned";

    /// <summary><see cref="ConversationEnded"/>.</summary>
    public const string Ended = "conversation.ended";

    /// <summary><see cref="Domain.ConversationRequeued"/>.</summary>
    public const string Requeued = "conversation.requeued";

    /// <summary><see cref="Domain.ConversationTransferred"/>.</summary>
    public const string Transferred = "conversation.transferred";

    /// <summary>
    /// The agent is typing (not stored in the transcript as such on push channels); payload
    /// <see cref="AgentTypingPayload"/>. LINE shows its loading animation.
    /// </summary>
    public const string AgentTyping = "conversation.agent_typing";
}

/// <summary>Payload of <see cref="ConversationEventTopics.AgentTyping"/>.</summary>
public sealed record AgentTypingPayload(Guid ConversationId);

/// <summary>Reads the published payloads of <see cref="ConversationEvent"/>s.</summary>
public static class ConversationEventPayload
{
    /// <summary>The conversation an event's payload names, if it names one.</summary>
    public static bool TryGetConversationId(string payload, out Guid conversationId)
    {
        conversationId = Guid.Empty;
        using var document = System.Text.Json.JsonDocument.Parse(payload);
        return document.RootElement.TryGetProperty(nameof(ConversationEvent.ConversationId), out var id) && id.TryGetGuid(out conversationId);
    }
}
