namespace ConversationHub.Handoff.Mail;

/// <summary>The mail transport's cross-node topics (published through core's <c>IHubEvents</c>).</summary>
internal static class MailTopics
{
    /// <summary>A message was enqueued: every node's sender looks for due messages now. Payload: <c>{}</c>.</summary>
    public const string OutboxEnqueued = "mail.outbox_enqueued";

    /// <summary>A message was received and stored: every node's router pass looks now. Payload: <c>{}</c>.</summary>
    public const string InboxReceived = "mail.inbox_received";
}
