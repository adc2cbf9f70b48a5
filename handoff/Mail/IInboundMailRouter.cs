namespace ConversationHub.Handoff.Mail;

/// <summary>
/// Puts a received message on a case (implemented by the cases code): threaded by the case token in the recipient
/// address or by In-Reply-To/References, else a new case.
/// </summary>
/// <remarks>
/// Called once a message is stored. It must be idempotent per <see cref="InboundMessage.InboxId"/>: after a node dies
/// mid-call, or when the result could not be recorded, it is called again with the same message and should return the
/// same case. An exception leaves the message stored as <see cref="InboundMailState.RoutingFailed"/>, tried again with
/// backoff. Without a registered router, messages stay stored as <see cref="InboundMailState.Unrouted"/>.
/// </remarks>
public interface IInboundMailRouter
{
    /// <summary>Routes <paramref name="message"/>; returns its case's id, or null to leave it unrouted.</summary>
    Task<Guid?> RouteAsync(InboundMessage message, CancellationToken ct);
}
