namespace ConversationHub.Handoff.Admin.Users;

/// <summary>One reason an account change was refused: the form field it concerns and a Japanese message.</summary>
internal sealed record StaffAccountError(string Field, string Message);
