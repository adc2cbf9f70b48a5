using System.Security.Cryptography;

namespace ConversationHub.Faq.Site.Assets;

/// <summary>Scripts embedded in the module, each with a content hash for cache-busting URLs.</summary>
internal static class SiteAssets
{
    public const string SuggestScriptPath = "/assets/faq-suggest.js";

    private static readonly Lazy<EmbeddedAsset> _suggest = new(() => Load("faq-suggest.js"));

    public static EmbeddedAsset SuggestScript => _suggest.Value;

    /// <summary>The URL pages use: the path plus <c>?v=</c> and the content hash.</summary>
    public static string SuggestScriptUrl => $"{SuggestScriptPath}?v={SuggestScript.Version}";

    private static EmbeddedAsset Load(string name)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream($"ConversationHub.Faq.Site.Assets.{name}")
            ?? throw new InvalidOperationException($"The embedded asset {name} is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        return new EmbeddedAsset(content, Convert.ToHexStringLower(SHA256.HashData(content))[..12]);
    }
}
