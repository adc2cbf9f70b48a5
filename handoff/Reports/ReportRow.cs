using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.ContactEvents.Figures;

namespace ConversationHub.Handoff.Reports;

/// <summary>One row of a report's table; a null figure has no producer yet and is shown empty, never as 0.</summary>
internal sealed record ReportRow(
    int? Hour, int? Arrived, int? BotAnswered, int? HandedOff, int? Answered, int? AnsweredWithin10s, int? Abandoned,
    int? Transferred, int? Escalated, int? Closed, int? Congestion, int? SatisfactionCount)
{
    /// <summary>The row of <paramref name="figures"/> summed over channels (zeros when there are none).</summary>
    public static ReportRow Of(int? hour, IReadOnlyCollection<ContactFigures> figures)
    {
        int? Sum(ContactEventKind kind, Func<ContactFigures, int?> pick) =>
            ContactEventProducers.IsRecorded(kind) ? figures.Sum(f => pick(f) ?? 0) : null;
        return new ReportRow(
            hour, Sum(ContactEventKind.Arrived, f => f.Arrived), Sum(ContactEventKind.BotAnswered, f => f.BotAnswered),
            Sum(ContactEventKind.HandedOff, f => f.HandedOff), Sum(ContactEventKind.Answered, f => f.Answered),
            Sum(ContactEventKind.Answered, f => f.AnsweredWithin10s), Sum(ContactEventKind.Abandoned, f => f.Abandoned),
            Sum(ContactEventKind.Transferred, f => f.Transferred), Sum(ContactEventKind.Escalated, f => f.Escalated),
            Sum(ContactEventKind.Closed, f => f.Closed), Sum(ContactEventKind.Congestion, f => f.Congestion),
            Sum(ContactEventKind.SatisfactionGiven, f => f.SatisfactionCount));
    }
}
