
using ConversationHub.Core.ContactEvents.Domain;

namespace ConversationHub.Core.ContactEvents.Rollup;

/// <summary>
/// The counters of one hour, one channel, one department, one category and one program, folded from <c>contact_events</c> by
/// <see cref="ContactRollupPass"/>. Reports read these rows only, so a year's report reads at most a year of hours.
/// The hour is stored as its UTC start; Japan has no daylight saving time (UTC+9 all year), so UTC hours and
/// Japan-time hours have the same boundaries and reports label them in Japan time.
/// </summary>
public sealed class ContactHourlyFigures
{
    // For EF Core.
    private ContactHourlyFigures()
    {
        Category = "";
    }

    /// <summary>Creates an empty row.</summary>
    public ContactHourlyFigures(DateTime hourStartUtc, ContactChannel channel, Guid departmentId, string category, Guid programId = default)
    {
        HourStartUtc = hourStartUtc;
        Channel = channel;
        DepartmentId = departmentId;
        Category = category;
        ProgramId = programId;
    }

    /// <summary>The hour's start (UTC, whole hour).</summary>
    public DateTime HourStartUtc { get; private set; }

    /// <summary>The channel.</summary>
    public ContactChannel Channel { get; private set; }

    /// <summary>The department (escalations); <see cref="Guid.Empty"/> for events of no department.</summary>
    public Guid DepartmentId { get; private set; }

    /// <summary>The category; empty for events of no category.</summary>
    public string Category { get; private set; }

    /// <summary>The program (施策) the contacts came through; <see cref="Guid.Empty"/> for the standing service.</summary>
    public Guid ProgramId { get; private set; }

    /// <summary>Contacts that arrived (入電・着信・受付).</summary>
    public int Arrived { get; set; }

    /// <summary>Answers the bot gave with an FAQ.</summary>
    public int BotAnswered { get; set; }

    /// <summary>Conversations handed to the agents' queue.</summary>
    public int HandedOff { get; set; }

    /// <summary>Offers to agents.</summary>
    public int Offered { get; set; }

    /// <summary>Contacts a person answered (応答).</summary>
    public int Answered { get; set; }

    /// <summary>Of <see cref="Answered"/>, those answered within 10 seconds of the hand-off (wait ≤ 10.000 s).</summary>
    public int AnsweredWithin10s { get; set; }

    /// <summary>The answered contacts' waits, summed (ms).</summary>
    public long AnswerWaitMsSum { get; set; }

    /// <summary>Contacts abandoned in the queue (放棄).</summary>
    public int Abandoned { get; set; }

    /// <summary>The abandoned contacts' waits, summed (ms).</summary>
    public long AbandonWaitMsSum { get; set; }

    /// <summary>Transfers between agents.</summary>
    public int Transferred { get; set; }

    /// <summary>Escalations to departments.</summary>
    public int Escalated { get; set; }

    /// <summary>Conversations closed by an agent.</summary>
    public int Closed { get; set; }

    /// <summary>Congestion messages played (積滞).</summary>
    public int Congestion { get; set; }

    /// <summary>Satisfaction ratings given.</summary>
    public int SatisfactionCount { get; set; }

    /// <summary>The ratings, summed.</summary>
    public long SatisfactionSum { get; set; }
}
