namespace ConversationHub.Handoff.Admin.Users;

/// <summary>What an administrator sets on an account; the staff id is fixed once the account exists.</summary>
internal sealed record StaffAccountInput(string? UserName, string? DisplayName, string? Email, IReadOnlyList<string> Roles, Guid? DepartmentId);
