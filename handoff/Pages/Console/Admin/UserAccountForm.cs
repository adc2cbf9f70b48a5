namespace ConversationHub.Handoff.Pages.Console.Admin;

/// <summary>The account fields of the user form, as posted.</summary>
internal sealed class UserAccountForm
{
    public string? UserName { get; set; }

    public string? DisplayName { get; set; }

    public string? Email { get; set; }

    public List<string> Roles { get; set; } = [];

    public Guid? DepartmentId { get; set; }

    /// <summary>The initial password (new accounts only); empty has one generated.</summary>
    public string? Password { get; set; }
}
