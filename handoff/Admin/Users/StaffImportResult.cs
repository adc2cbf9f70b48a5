namespace ConversationHub.Handoff.Admin.Users;

/// <summary>What an import did, or why it did nothing.</summary>
internal sealed record StaffImportResult(IReadOnlyList<StaffImportError> Errors, int Created, int Updated, IReadOnlyList<StaffImportPassword> Passwords)
{
    public bool Succeeded => Errors.Count == 0;
}
