namespace ConversationHub.Core.Events;

/// <summary>
/// A cross-node notification. Payloads are small (ids, not documents): PostgreSQL NOTIFY carries at most
/// <see cref="IHubEvents.MaxPayloadBytes"/> bytes, and the receiver reads the state it needs from the database.
/// </summary>
/// <param name="Topic">Dotted name, for example <c>faq.changed</c> or <c>conversation.activity_added</c>.</param>
/// <param name="Payload">Topic-specific text, usually JSON with ids.</param>
/// <param name="OriginNodeId">The node that published it (<see cref="IHubEvents.NodeId"/>).</param>
public sealed record HubEvent(string Topic, string Payload, string OriginNodeId);
