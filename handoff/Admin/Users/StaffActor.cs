using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace ConversationHub.Handoff.Admin.Users;

/// <summary>The administrator making a change, as the audit log records them.</summary>
internal sealed record StaffActor(Guid Id, string UserName, string? FromAddress)
{
    public static StaffActor Of(HttpContext context) => new(
        Guid.Parse(context.User.FindFirstValue(ClaimTypes.NameIdentifier)!),
        context.User.Identity?.Name ?? "",
        context.Connection.RemoteIpAddress?.ToString());
}
