using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ConversationHub.Faq.Site;

/// <summary>
/// A script embedded in this assembly (an npm bundle fetched at build time, or one of ours), served with an ETag
/// and, where the browser takes it, gzip compressed once.
/// </summary>
internal sealed class EmbeddedAsset
{
    private readonly Lazy<byte[]> _gzip;

    private EmbeddedAsset(byte[] raw, string etag)
    {
        Raw = raw;
        ETag = etag;
        _gzip = new(() =>
        {
            using var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
            {
                gzip.Write(Raw);
            }

            return output.ToArray();
        });
    }

    public byte[] Raw { get; }

    public string ETag { get; }

    /// <summary>Reads the resource <paramref name="name"/>; a missing one names the build step that makes it.</summary>
    public static EmbeddedAsset Load(string name)
    {
        using var stream = typeof(EmbeddedAsset).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded asset {name} is missing; the build fetches it from npm.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return new EmbeddedAsset(bytes, $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16]}\"");
    }

    /// <summary>The response for <paramref name="context"/>: 304 when the browser has it, else the script (versioned URLs are cached for a year).</summary>
    public IResult Serve(HttpContext context, bool immutable)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "public, max-age=300";
        headers.Vary = HeaderNames.AcceptEncoding;
        headers.ETag = ETag;
        if (context.Request.Headers.IfNoneMatch == ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        // PERF: bundles are megabytes; compressed once, they travel as a quarter of that.
        if (context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentEncoding = "gzip";
            return Results.Bytes(_gzip.Value, "text/javascript; charset=utf-8");
        }

        return Results.Bytes(Raw, "text/javascript; charset=utf-8");
    }
}
