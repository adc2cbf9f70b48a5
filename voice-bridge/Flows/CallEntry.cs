using ConversationHub.Core.Calendar;
using ConversationHub.Core.Handoff;

namespace ConversationHub.VoiceBridge.Flows;

/// <summary>How a ringing call is met, before the greeting.</summary>
public enum CallEntryKind
{
    /// <summary>The line's emergency switch is on: forward the call, nothing else.</summary>
    Forward,

    /// <summary>The line's service has ended: say so, then hang up.</summary>
    ServiceEnded,

    /// <summary>Outside the business calendar's hours: say when it opens, then hang up.</summary>
    Closed,

    /// <summary>Open: greet and offer the menu (the operator is offered only if <see cref="CallEntry.OperatorOffered"/>).</summary>
    Open,
}

/// <summary>The decision for a ringing call and what to tell the caller.</summary>
/// <param name="Kind">How the call is met.</param>
/// <param name="ForwardTo">The number to forward to (<see cref="CallEntryKind.Forward"/>).</param>
/// <param name="NextOpening">When the line opens next (<see cref="CallEntryKind.Closed"/>), JST.</param>
/// <param name="OperatorOffered">Whether the menu offers an operator: agents are signed in and the queue is not congested.</param>
/// <param name="Congested">Whether the operator queue is congested (溢れ呼): the menu offers the alternatives instead.</param>
public sealed record CallEntry(CallEntryKind Kind, string? ForwardTo, DateTimeOffset? NextOpening, bool OperatorOffered, bool Congested)
{
    /// <summary>
    /// Decides for a call to <paramref name="line"/> at <paramref name="now"/>: the emergency switch first, then the end of
    /// service, the calendar, and the queue's standing (from the same desk the chats ask).
    /// </summary>
    public static CallEntry Decide(PhoneLine line, DateTimeOffset now, IBusinessCalendar calendar, HandoffCheck desk)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(desk);
        if (line.EmergencyForwardTo is { Length: > 0 } forward)
        {
            return new CallEntry(CallEntryKind.Forward, forward, null, false, false);
        }

        var today = DateOnly.FromDateTime(JapanTime.ToJapan(now).DateTime);
        if (line.ServiceEndsOn is { } end && today > end)
        {
            return new CallEntry(CallEntryKind.ServiceEnded, null, null, false, false);
        }

        if (!calendar.IsOpen(now))
        {
            return new CallEntry(CallEntryKind.Closed, null, calendar.GetNextOpening(now), false, false);
        }

        var congested = desk.Availability == HandoffAvailability.Congested
            || desk.Waiting >= line.MaxQueueLength
            || desk.EstimatedWait > line.MaxWait;
        return new CallEntry(CallEntryKind.Open, null, null, desk.Availability == HandoffAvailability.Available && !congested, congested);
    }
}
