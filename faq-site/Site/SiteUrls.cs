using Microsoft.AspNetCore.Http;

namespace ConversationHub.Faq.Site;

/// <summary>Absolute URLs for canonical links and the sitemap.</summary>
internal static class SiteUrls
{
    public static string Absolute(HttpRequest request, FaqSiteOptions options, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var origin = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host.ToUriComponent()}"
            : options.PublicBaseUrl.TrimEnd('/');
        return origin + path;
    }

    public static string Category(Guid id) => $"/category/{id}";

    public static string Department(Guid id) => $"/department/{id}";
}
