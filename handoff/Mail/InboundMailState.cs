namespace ConversationHub.Handoff.Mail;

/// <summary>Where a received message stands. Stored by name; never rename one without a migration.</summary>
public enum InboundMailState
{
    /// <summary>Stored raw; not routed yet.</summary>
    Received,

    /// <summary>Handed to the case router, which put it on <see cref="InboundMail.CaseId"/>.</summary>
    Routed,

    /// <summary>Stored and visible, but no router is registered (or the router declined it): nobody will pick it up by itself.</summary>
    Unrouted,

    /// <summary>The router failed; it is tried again at <see cref="InboundMail.NextAttemptAtUtc"/>.</summary>
    RoutingFailed,
}
