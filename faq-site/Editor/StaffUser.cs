using System.Security.Claims;

namespace ConversationHub.Faq.Editor;

/// <summary>The signed-in staff member as the editing use cases record them.</summary>
internal static class StaffUser
{
    /// <summary>The user id from the sign-in cookie; null when the principal carries none (never for signed-in staff).</summary>
    public static Guid? IdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
