using ConversationHub.Core.Identity;

namespace ConversationHub.Handoff.Admin.Users;

/// <summary>A checked new account with its password already hashed, ready to be written; the generated password, if any.</summary>
internal sealed record PreparedAccount(HubUser User, IReadOnlyList<string> Roles, string? GeneratedPassword);
