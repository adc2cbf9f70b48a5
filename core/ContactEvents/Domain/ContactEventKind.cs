namespace ConversationHub.Core.ContactEvents.Domain;

/// <summary>
/// What happened to a contact, on any channel. Stored as its name: never rename a value without a migration, reports
/// and roll-ups read the names.
/// </summary>
public enum ContactEventKind
{
    /// <summary>A contact arrived: a conversation started, a call was answered by the IVR, a form or a mail came in.</summary>
    Arrived,

    /// <summary>The bot answered with an FAQ (<see cref="ContactEvent.FaqId"/>).</summary>
    BotAnswered,

    /// <summary>The conversation went to the agents' queue (bot → queued).</summary>
    HandedOff,

    /// <summary>A queued conversation was offered to an agent.</summary>
    Offered,

    /// <summary>A person answered; <see cref="ContactEvent.WaitMs"/> is the wait in the queue.</summary>
    Answered,

    /// <summary>The citizen left the queue before a person answered; <see cref="ContactEvent.WaitMs"/> is how long they waited.</summary>
    Abandoned,

    /// <summary>An agent handed the conversation to another agent.</summary>
    Transferred,

    /// <summary>A case was escalated to a department (<see cref="ContactEvent.DepartmentId"/>).</summary>
    Escalated,

    /// <summary>An agent closed the conversation (<see cref="ContactEvent.WrapUpCode"/>).</summary>
    Closed,

    /// <summary>The congestion message (積滞) was played or shown: the queue was full, so no person was offered.</summary>
    Congestion,

    /// <summary>The citizen gave a satisfaction rating (<see cref="ContactEvent.Satisfaction"/>).</summary>
    SatisfactionGiven,
}
