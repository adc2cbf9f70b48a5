using System.Globalization;
using ConversationHub.Core.ContactEvents.Domain;

namespace ConversationHub.Handoff.Cases;

/// <summary>
/// The contact events of cases: the arrival of a contact that came by no conversation (the form, a mail, typed in by
/// staff), and each escalation to a department, keyed by the case's version after it so a retried save adds nothing.
/// </summary>
internal static class CaseContactEvents
{
    public static ContactEvent Arrived(CaseRecord record) =>
        new("arrived:case:" + record.Id.ToString("N"), ContactEventKind.Arrived, ChannelOf(record.Channel), record.CreatedAtUtc)
        {
            CaseId = record.Id,
            ProgramId = record.ProgramId,
            Category = CategoryOf(record),
        };

    public static ContactEvent Escalated(CaseRecord record, Guid actorId, DateTime nowUtc) =>
        new("escalated:" + record.Id.ToString("N") + ":" + record.Version.ToString(CultureInfo.InvariantCulture), ContactEventKind.Escalated, ChannelOf(record.Channel), nowUtc)
        {
            CaseId = record.Id,
            ConversationId = record.ConversationId,
            ProgramId = record.ProgramId,
            DepartmentId = record.DepartmentId,
            AgentId = actorId,
            Category = CategoryOf(record),
        };

    // The case channels are the contact channels by name (Manual included).
    private static ContactChannel ChannelOf(CaseChannel channel) =>
        ContactChannels.Parse(channel.ToString()) ?? throw new InvalidOperationException($"Case channel {channel} has no contact channel.");

    private static string? CategoryOf(CaseRecord record) => record.CategoryId?.ToString("N");
}
