using System.IO.Compression;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace ConversationHub.Faq.Site.ChatWidget;

/// <summary>
/// Serves the chat widget's scripts from this assembly: the official Web Chat bundle (embedded at build time,
/// versioned URL, cached for a year) and our small loader that opens it on demand.
/// </summary>
internal static class WebChatAssets
{
    public static readonly string Version = typeof(WebChatAssets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "WebChatVersion").Value!;

    public static string BundlePath => $"/assets/webchat-{Version}.js";

    public const string LoaderPath = "/assets/chat-widget.js";

    private static readonly Lazy<Asset> Bundle = new(() => Asset.Load("ConversationHub.Faq.webchat.js"));
    private static readonly Lazy<Asset> Loader = new(() => Asset.Load("ConversationHub.Faq.chat-widget.js"));

    public static IEndpointRouteBuilder MapWebChatAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(BundlePath, (HttpContext context) => Serve(context, Bundle.Value, immutable: true)).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet(LoaderPath, (HttpContext context) => Serve(context, Loader.Value, immutable: false)).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Serve(HttpContext context, Asset asset, bool immutable)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "public, max-age=300";
        headers.Vary = HeaderNames.AcceptEncoding;
        headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        // PERF: the bundle is ~4 MB; compressed once, it travels as ~1 MB to phones.
        if (context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentEncoding = "gzip";
            return Results.Bytes(asset.Gzip.Value, "text/javascript; charset=utf-8");
        }

        return Results.Bytes(asset.Raw, "text/javascript; charset=utf-8");
    }

    private sealed record Asset(byte[] Raw, string ETag)
    {
        public Lazy<byte[]> Gzip { get; } = new(() =>
        {
            using var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
            {
                gzip.Write(Raw);
            }

            return output.ToArray();
        });

        public static Asset Load(string name)
        {
            using var stream = typeof(WebChatAssets).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded asset {name} is missing; the build fetches it from npm.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            return new Asset(bytes, $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16]}\"");
        }
    }
}
