namespace ConversationHub.Core.Conversations.Domain;

/// <summary>
/// One activity of a conversation's transcript, in order. The activity itself (Bot Framework Activity JSON:
/// type, from, text, attachments, suggestedActions, channelData …) is personal data and encrypted at rest;
/// the columns beside it hold only what ordering, routing and delivery need.
/// </summary>
public sealed class TranscriptActivity
{
    /// <summary>Creates an activity; the store assigns <see cref="Sequence"/>.</summary>
    public TranscriptActivity(Guid conversationId, ActivityDirection direction, string type, string fromRole, string activityJson, DateTime timestampUtc)
    {
        Id = Guid.CreateVersion7();
        ConversationId = conversationId;
        Direction = direction;
        Type = type;
        FromRole = fromRole;
        ActivityJson = activityJson;
        TimestampUtc = timestampUtc;
        Turn = direction == ActivityDirection.Inbound ? TurnState.Pending : null;
    }

    /// <summary>Surrogate key; also the activity id given to clients.</summary>
    public Guid Id { get; private set; }

    /// <summary>The conversation.</summary>
    public Guid ConversationId { get; private set; }

    /// <summary>1, 2, 3 … per conversation, without gaps: the order and the watermark.</summary>
    public long Sequence { get; internal set; }

    /// <summary>Inbound or outbound.</summary>
    public ActivityDirection Direction { get; private set; }

    /// <summary>Bot Framework activity type: <c>message</c>, <c>event</c>, <c>typing</c>, <c>conversationUpdate</c> …</summary>
    public string Type { get; private set; }

    /// <summary><c>user</c>, <c>bot</c> or <c>agent</c>.</summary>
    public string FromRole { get; private set; }

    /// <summary>The client's own id for the activity, to recognise retries (Direct Line <c>clientActivityID</c>).</summary>
    public string? ClientActivityId { get; set; }

    /// <summary>The activity as Bot Framework JSON (encrypted at rest).</summary>
    public string ActivityJson { get; private set; }

    /// <summary>Server time of receipt or creation (UTC).</summary>
    public DateTime TimestampUtc { get; private set; }

    /// <summary>
    /// Moves the timestamp to <paramref name="timestampUtc"/>, in the column and in the activity JSON's
    /// <c>timestamp</c> when it has one, so the transcript's order and its timestamps agree.
    /// </summary>
    internal void RestampAfter(DateTime timestampUtc)
    {
        TimestampUtc = timestampUtc;
        if (System.Text.Json.Nodes.JsonNode.Parse(ActivityJson) is System.Text.Json.Nodes.JsonObject json && json.ContainsKey("timestamp"))
        {
            json["timestamp"] = ActivityTimestamps.Format(timestampUtc);
            ActivityJson = json.ToJsonString();
        }
    }

    /// <summary>
    /// Whether the activity waits for its answer: <see cref="TurnState.Pending"/> for an inbound activity (the
    /// default), null when no turn is needed (outbound activities, or what a channel stores without asking a turn).
    /// Set in the same insert as the activity, so a crash right after the write cannot lose the turn.
    /// </summary>
    public TurnState? Turn { get; set; }

    /// <summary>The node answering a pending turn now; another node may take it after <see cref="TurnLeaseUntilUtc"/>.</summary>
    public string? TurnLeaseOwner { get; private set; }

    /// <summary>When the lease of <see cref="TurnLeaseOwner"/> runs out (UTC).</summary>
    public DateTime? TurnLeaseUntilUtc { get; private set; }

    /// <summary>Delivery state on push channels.</summary>
    public DeliveryState Delivery { get; set; } = DeliveryState.NotRequired;

    /// <summary>Delivery attempts so far.</summary>
    public int DeliveryAttempts { get; set; }

    /// <summary>When the sender should try again (UTC), while <see cref="Delivery"/> is pending.</summary>
    public DateTime? NextAttemptAtUtc { get; set; }
}
