using ConversationHub.Handoff.Console;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ConversationHub.Handoff.Inquiry;

/// <summary>
/// Serves the public inquiry form's script (<c>inquiry-form.js</c>) to anyone: a file of its own rather than an inline
/// script, so the page needs nothing from the Content-Security-Policy beyond <c>'self'</c>.
/// </summary>
internal static class InquiryFormScript
{
    private const string Path = "/assets/inquiry-form.js";
    private const string ResourceName = "ConversationHub.Handoff.Inquiry.inquiry-form.js";

    private static ConsoleAssets.Asset Asset => ConsoleAssets.Load("inquiry-form.js", ResourceName)
        ?? throw new InvalidOperationException($"The embedded asset {ResourceName} is missing from the build.");

    /// <summary>The address pages use, with the content hash so browsers never run a stale copy.</summary>
    public static string Url => $"{Path}?v={Asset.ETag.Trim('"')}";

    public static IEndpointRouteBuilder MapInquiryFormScript(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (HttpContext context) => ConsoleAssets.Serve(context, Asset, "text/javascript; charset=utf-8", immutable: false))
            .AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
