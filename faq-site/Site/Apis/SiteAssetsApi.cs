using ConversationHub.Faq.Site.Assets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace ConversationHub.Faq.Site.Apis;

/// <summary>
/// The site's own small scripts, served from the module's assembly (no static-files folder to deploy). Pages link
/// them with <c>?v=</c> and the content hash, so a year of caching is safe and a new release is fetched at once.
/// </summary>
internal static class SiteAssetsApi
{
    public static IEndpointRouteBuilder MapSiteAssetsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SiteAssets.SuggestScriptPath, GetSuggestScript).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static Results<FileContentHttpResult, StatusCodeHttpResult> GetSuggestScript(HttpContext context)
    {
        var script = SiteAssets.SuggestScript;
        var headers = context.Response.GetTypedHeaders();
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromDays(365) };
        var etag = new EntityTagHeaderValue($"\"{script.Version}\"");
        headers.ETag = etag;
        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.File(script.Content, "text/javascript; charset=utf-8");
    }
}
