namespace ConversationHub.Handoff.Admin.Users;

/// <summary>One staff account as the administrators' list shows it (no password hash, ever).</summary>
internal sealed record StaffRow(
    Guid Id, string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles, Guid? DepartmentId, string? DepartmentCode,
    string? DepartmentName, IReadOnlyList<string> Teams, bool Disabled, bool TwoFactorEnabled, DateTime? ChangedAtUtc);
