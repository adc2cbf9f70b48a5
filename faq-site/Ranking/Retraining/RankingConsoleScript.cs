using System.Security.Cryptography;
using ConversationHub.Faq.Site.Assets;
using Microsoft.AspNetCore.Http;

namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>
/// The retraining console's one script (progress polling), embedded in the module and served to editors only.
/// Pages link it with <c>?v=</c> and its content hash, so a new release is fetched at once.
/// </summary>
internal static class RankingConsoleScript
{
    public const string Path = "/console/faq/assets/ranking-models.js";

    private static readonly Lazy<EmbeddedAsset> Script = new(Load);

    public static string Url => $"{Path}?v={Script.Value.Version}";

    public static IResult Serve(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var script = Script.Value;
        var etag = $"\"{script.Version}\"";
        context.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        context.Response.Headers.ETag = etag;
        return context.Request.Headers.IfNoneMatch == etag
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(script.Content, "text/javascript; charset=utf-8");
    }

    private static EmbeddedAsset Load()
    {
        using var stream = typeof(RankingConsoleScript).Assembly.GetManifestResourceStream("ConversationHub.Faq.Ranking.Retraining.ranking-models.js")
            ?? throw new InvalidOperationException("The embedded script ranking-models.js is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        return new EmbeddedAsset(content, Convert.ToHexStringLower(SHA256.HashData(content))[..12]);
    }
}
