using System.Security.Claims;

namespace ConversationHub.Handoff.Chats;

/// <summary>The signed-in staff member as the handoff module sees them.</summary>
internal sealed record StaffUser(Guid Id, bool IsSupervisor)
{
    /// <summary>The staff member of a principal, or null when it carries no user id.</summary>
    public static StaffUser? Of(ClaimsPrincipal? principal) =>
        principal is not null && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? new StaffUser(id, principal.IsInRole(Core.Identity.HubRoles.Supervisor))
            : null;
}
