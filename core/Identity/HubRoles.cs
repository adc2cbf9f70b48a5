namespace ConversationHub.Core.Identity;

/// <summary>The staff roles. Stored by name; never rename one without a migration.</summary>
public static class HubRoles
{
    /// <summary>Contact-center agent: answers live chats and calls, creates cases.</summary>
    public const string Operator = nameof(Operator);

    /// <summary>Watches the queue and service levels; can do what an operator does.</summary>
    public const string Supervisor = nameof(Supervisor);

    /// <summary>Staff of a city department: answers escalated cases.</summary>
    public const string DepartmentStaff = nameof(DepartmentStaff);

    /// <summary>Approves department answers before they are sent to citizens.</summary>
    public const string Approver = nameof(Approver);

    /// <summary>Maintains the FAQ knowledge base and reviews ranking judgements.</summary>
    public const string FaqEditor = nameof(FaqEditor);

    /// <summary>Manages users, departments, calendar and settings.</summary>
    public const string Administrator = nameof(Administrator);

    /// <summary>
    /// May turn a phone line's emergency forward (代表電話の切替) on and off, e.g. the disaster-prevention office's duty staff;
    /// nothing else. Administrators may do it too without this role.
    /// </summary>
    public const string PhoneSwitch = nameof(PhoneSwitch);

    /// <summary>Every role, in display order.</summary>
    public static IReadOnlyList<string> All { get; } = [Operator, Supervisor, DepartmentStaff, Approver, FaqEditor, Administrator, PhoneSwitch];
}
