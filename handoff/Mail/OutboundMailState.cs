namespace ConversationHub.Handoff.Mail;

/// <summary>Where an outbound message stands. Stored by name; never rename one without a migration.</summary>
public enum OutboundMailState
{
    /// <summary>Waiting for its first or next attempt (<see cref="OutboundMail.NextAttemptAtUtc"/>).</summary>
    Pending,

    /// <summary>A node is sending it (until its lease ends; then another node may take it).</summary>
    Sending,

    /// <summary>The SMTP server accepted it (250), or it was written to the pickup folder.</summary>
    Sent,

    /// <summary>Every attempt failed; a supervisor can retry it.</summary>
    Failed,
}
