namespace ConversationHub.Handoff.Admin.Users;

/// <summary>One page of the list and how many accounts match in all.</summary>
internal sealed record StaffPage(IReadOnlyList<StaffRow> Rows, int Total);
