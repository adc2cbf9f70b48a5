using ConversationHub.Core.ContactEvents.Domain;

namespace ConversationHub.Core.ContactEvents.Figures;

/// <summary>
/// Which event kinds some module records today. A kind missing here has no producer yet, so its figures are unknown
/// (null), not zero. Add a kind when its producer is built.
/// </summary>
public static class ContactEventProducers
{
    /// <summary>The kinds with a producer.</summary>
    public static IReadOnlySet<ContactEventKind> Recorded { get; } = new HashSet<ContactEventKind>
    {
        ContactEventKind.Arrived,
        ContactEventKind.BotAnswered,
        ContactEventKind.HandedOff,
        ContactEventKind.Offered,
        ContactEventKind.Answered,
        ContactEventKind.Abandoned,
        ContactEventKind.Transferred,
        ContactEventKind.Escalated,
        ContactEventKind.Closed,
        ContactEventKind.Congestion,
        ContactEventKind.SatisfactionGiven,
    };

    /// <summary>Whether <paramref name="kind"/> is recorded by some module.</summary>
    public static bool IsRecorded(ContactEventKind kind) => Recorded.Contains(kind);
}
