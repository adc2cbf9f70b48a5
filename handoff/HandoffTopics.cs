namespace ConversationHub.Handoff;

/// <summary>The handoff module's cross-node topics (published through core's <c>IHubEvents</c>).</summary>
internal static class HandoffTopics
{
    /// <summary>The queue, an agent's chats or presence changed: consoles refresh what they show. Payload: <c>{}</c>.</summary>
    public const string QueueChanged = "handoff.queue_changed";

    /// <summary>A conversation was offered to an agent. Payload: <see cref="OfferPayload"/>.</summary>
    public const string Offered = "handoff.offered";

    /// <summary>A staff-only note or whisper was added. Payload: <see cref="NotePayload"/>.</summary>
    public const string NoteAdded = "handoff.note_added";

    /// <summary>An agent closed a chat and the citizen was asked to rate it. Payload: <see cref="SurveyPayload"/>.</summary>
    public const string SurveyAsked = "handoff.survey_asked";

    /// <summary>Something the router should act on now rather than at its next tick. Payload: <c>{}</c>.</summary>
    public const string RouteNow = "handoff.route_now";

    /// <summary>A case was made or changed: open case pages refresh. Payload: <see cref="CaseChangedPayload"/>.</summary>
    public const string CaseChanged = "handoff.case_changed";
    /// <summary>A node stored a new postal code dataset: the others reload their index from the database. Payload: <c>{ sha256 }</c>.</summary>
    public const string PostalDatasetChanged = "handoff.postal_dataset_changed";
}

/// <summary>Payload of <see cref="HandoffTopics.CaseChanged"/>.</summary>
internal sealed record CaseChangedPayload(Guid CaseId);

/// <summary>Payload of <see cref="HandoffTopics.Offered"/>.</summary>
internal sealed record OfferPayload(Guid OfferId, Guid ConversationId, Guid AgentId, DateTime ExpiresAtUtc);

/// <summary>Payload of <see cref="HandoffTopics.NoteAdded"/>.</summary>
internal sealed record NotePayload(Guid ConversationId, Guid NoteId);

/// <summary>Payload of <see cref="HandoffTopics.SurveyAsked"/>.</summary>
internal sealed record SurveyPayload(Guid ConversationId, DateTime UntilUtc);
