using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Core.Audit;

/// <summary>Audits what the signed-in user of a request did, with the request's address.</summary>
public static class HttpAudit
{
    /// <summary>Appends <paramref name="action"/> on <paramref name="target"/> by the request's user.</summary>
    public static Task AuditAsync(this HttpContext context, string action, string? target = null, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        Guid? actorId = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
        var record = new AuditRecord(action, actorId, user.Identity?.Name, target, detail, context.Connection.RemoteIpAddress?.ToString());
        return context.RequestServices.GetRequiredService<IAuditLog>().AppendAsync(record, context.RequestAborted);
    }
}
