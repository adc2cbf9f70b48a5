using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConversationHub.Core.Audit;

/// <summary>
/// An endpoint filter that audits a change once the endpoint has succeeded (a 2xx result): who, which record (the
/// route value <c>routeKey</c> after <c>targetPrefix</c>), and the request's method and path. A refused or invalid
/// request changed nothing and is not audited.
/// </summary>
public sealed class AuditedChange(string action, string targetPrefix, string routeKey) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var result = await next(context);
        if (StatusOf(result) is >= 200 and < 300)
        {
            var http = context.HttpContext;
            var key = http.Request.RouteValues.TryGetValue(routeKey, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
            await http.AuditAsync(action, key is null ? targetPrefix : $"{targetPrefix}:{key}", $"{http.Request.Method} {http.Request.Path}");
        }

        return result;
    }

    private static int? StatusOf(object? result) => result switch
    {
        INestedHttpResult nested => StatusOf(nested.Result),
        IStatusCodeHttpResult status => status.StatusCode,
        _ => null,
    };
}
