namespace ConversationHub.Handoff.Admin.Users;

/// <summary>The list's filters: role, department, state (<c>active</c> or <c>disabled</c>) and a part of the staff id.</summary>
internal sealed record StaffFilter(string? Role, Guid? DepartmentId, string? State, string? Search);
