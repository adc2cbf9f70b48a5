namespace ConversationHub.Handoff.Admin.Users;

/// <summary>An import error: the CSV line (1 is the header) and what is wrong there, in Japanese.</summary>
internal sealed record StaffImportError(int Line, string Message);
