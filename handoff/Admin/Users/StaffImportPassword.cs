namespace ConversationHub.Handoff.Admin.Users;

/// <summary>A password the import chose for a new account, shown to the administrator once.</summary>
internal sealed record StaffImportPassword(string UserName, string Password);
