using Microsoft.AspNetCore.Identity;

namespace ConversationHub.Core.Identity;

/// <summary>
/// A staff account. <see cref="IdentityUser{TKey}.UserName"/> is the staff sign-in id (職員ID, not personal data);
/// the display name, e-mail address and phone number are personal data and encrypted at rest.
/// </summary>
public sealed class HubUser : IdentityUser<Guid>
{
    /// <summary>Creates an account with a time-ordered id.</summary>
    public HubUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    /// <summary>Full name shown in the console (encrypted at rest).</summary>
    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>The department the user belongs to, or null for contact-center staff.</summary>
    public Guid? DepartmentId { get; set; }

    /// <summary>Whether the user works in the contact center (true when <see cref="DepartmentId"/> is null).</summary>
    public bool IsContactCenter => DepartmentId is null;

    /// <summary>Whether the password must be changed at the next sign-in (set when an administrator resets it).</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>
    /// When an administrator disabled the account (離職, 異動), or null while it is active. A disabled account cannot sign
    /// in; it is never deleted, so the history that names it stays.
    /// </summary>
    public DateTime? DisabledAtUtc { get; set; }

    /// <summary>Whether the account is disabled.</summary>
    public bool IsDisabled => DisabledAtUtc is not null;

    /// <summary>Creation time (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; } = DateTime.UtcNow;

    /// <summary>When an administrator last changed the account (details, roles, state, password), or null if never.</summary>
    public DateTime? ChangedAtUtc { get; set; }
}
