using Microsoft.AspNetCore.Identity;

namespace ConversationHub.Core.Identity;

/// <summary>A role, named by <see cref="HubRoles"/>.</summary>
public sealed class HubRole : IdentityRole<Guid>
{
    /// <summary>For EF.</summary>
    public HubRole()
    {
        Id = Guid.CreateVersion7();
    }

    /// <summary>Creates a role with a name.</summary>
    public HubRole(string name)
        : base(name)
    {
        Id = Guid.CreateVersion7();
    }
}
