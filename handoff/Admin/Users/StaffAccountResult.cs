namespace ConversationHub.Handoff.Admin.Users;

/// <summary>
/// The outcome of an account change: the errors that stopped it (nothing changed then), or the account and, when the
/// administrator let the system choose one, the password to hand over once.
/// </summary>
internal sealed record StaffAccountResult(IReadOnlyList<StaffAccountError> Errors, Guid? UserId = null, string? GeneratedPassword = null)
{
    public bool Succeeded => Errors.Count == 0;

    public static StaffAccountResult Fail(string field, string message) => new([new StaffAccountError(field, message)]);

    public static StaffAccountResult Done(Guid userId, string? generatedPassword = null) => new([], userId, generatedPassword);
}
