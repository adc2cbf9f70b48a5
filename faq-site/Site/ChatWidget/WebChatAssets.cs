using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

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

    private static readonly Lazy<EmbeddedAsset> Bundle = new(() => EmbeddedAsset.Load("ConversationHub.Faq.webchat.js"));
    private static readonly Lazy<EmbeddedAsset> Loader = new(() => EmbeddedAsset.Load("ConversationHub.Faq.chat-widget.js"));

    public static IEndpointRouteBuilder MapWebChatAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(BundlePath, (HttpContext context) => Bundle.Value.Serve(context, immutable: true)).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet(LoaderPath, (HttpContext context) => Loader.Value.Serve(context, immutable: false)).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
