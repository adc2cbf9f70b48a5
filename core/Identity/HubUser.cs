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

    /// <summary>Creation time (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; } = DateTime.UtcNow;
}
