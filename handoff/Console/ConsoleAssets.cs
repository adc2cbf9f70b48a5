using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace ConversationHub.Handoff.Console;

/// <summary>
/// Serves the consoles' scripts and styles from this assembly: the official SignalR client (embedded at build time,
/// versioned URL, cached for a year) and the consoles' own files (<c>Console/Assets</c>), to signed-in staff only.
/// </summary>
internal static class ConsoleAssets
{
    public static readonly string SignalRVersion = typeof(ConsoleAssets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SignalRClientVersion").Value!;

    /// <summary>The SignalR client's address.</summary>
    public static string SignalRPath => $"/console/assets/signalr-{SignalRVersion}.js";

    private static readonly ConcurrentDictionary<string, Asset?> Cache = new(StringComparer.Ordinal);

    /// <summary>The address of a console asset, with its content hash so browsers never use a stale copy.</summary>
    public static string PathOf(string fileName) =>
        Load(fileName) is { } asset ? $"/console/assets/{fileName}?v={asset.ETag.Trim('"')}" : $"/console/assets/{fileName}";

    public static IEndpointRouteBuilder MapConsoleAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SignalRPath, (HttpContext context) => Serve(context, Load("signalr.js", "ConversationHub.Handoff.signalr.js")!, "text/javascript; charset=utf-8", immutable: true))
            .RequireAuthorization().ExcludeFromDescription();
        endpoints.MapGet("/console/assets/{name}", (string name, HttpContext context) =>
            {
                var type = name.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript; charset=utf-8"
                    : name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : null;
                return type is not null && Load(name) is { } asset ? Serve(context, asset, type, immutable: false) : Results.NotFound();
            })
            .RequireAuthorization().ExcludeFromDescription();
        return endpoints;
    }

    internal static IResult Serve(HttpContext context, Asset asset, string contentType, bool immutable)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = immutable ? "private, max-age=31536000, immutable" : "private, max-age=300";
        headers.ETag = asset.ETag;
        return context.Request.Headers.IfNoneMatch == asset.ETag
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(asset.Bytes, contentType);
    }

    internal static Asset? Load(string fileName, string? resourceName = null) =>
        Cache.GetOrAdd(resourceName ?? fileName, _ =>
        {
            using var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream(resourceName ?? "ConversationHub.Handoff.Console.Assets." + fileName);
            if (stream is null)
            {
                return null;
            }

            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            return new Asset(bytes, $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16]}\"");
        });

    internal sealed record Asset(byte[] Bytes, string ETag);
}
