using ConversationHub.Bot.DirectLine.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Benchmark;

/// <summary>
/// <c>GET /_load/memory</c>: the server's memory for <c>bot load</c>, which runs the server in its own process so the
/// client's sockets are not counted. Bound to the run's secret (<see cref="LoadDiagnosticsOptions.Secret"/>) in the
/// <c>X-Load-Secret</c> header rather than to a staff sign-in, because the command has no account; without a
/// configured secret, or with a wrong one, it is a 404 like any unknown path.
/// </summary>
internal static class LoadDiagnosticsApi
{
    public const string Path = "/_load/memory";
    public const string SecretHeader = "X-Load-Secret";

    public static IEndpointRouteBuilder MapLoadDiagnosticsApi(this IEndpointRouteBuilder endpoints)
    {
        // AllowAnonymous to ASP.NET Core's authorization; the handler checks the run's secret instead.
        endpoints.MapGet(Path, GetMemory).AllowAnonymous().ExcludeFromDescription().WithName("LoadDiagnosticsMemory");
        return endpoints;
    }

    /// <summary>Forces a full collection and reads the heap and working set (a blocking GC: for benchmarks only).</summary>
    public static Results<Ok<ServerMemory>, NotFound> GetMemory(HttpRequest request, IOptionsMonitor<LoadDiagnosticsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (!DirectLineSecret.Matches(options.CurrentValue.Secret, request.Headers[SecretHeader].ToString()))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(ServerMemory.ReadAfterFullCollection());
    }
}
