namespace ConversationHub.Bot.Line.Text;

/// <summary>
/// Links sent on LINE. Links to the FAQ site become absolute and carry <c>utm_source=line</c>, so the site's
/// analytics can tell LINE visitors apart; other sites' links are left alone.
/// </summary>
internal static class LineLinks
{
    public const string Marker = "utm_source=line";

    /// <param name="url">The link as written (absolute, or a site path such as <c>/faq/…</c>).</param>
    /// <param name="siteBaseUrl">The FAQ site's public origin; without it site paths stay as they are.</param>
    public static string Rewrite(string url, string? siteBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(url);
        var site = string.IsNullOrWhiteSpace(siteBaseUrl) ? null : new Uri(siteBaseUrl.TrimEnd('/') + "/", UriKind.Absolute);
        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        {
            return site is null ? url : AddMarker(site.GetLeftPart(UriPartial.Authority) + url);
        }

        return site is not null && Uri.TryCreate(url, UriKind.Absolute, out var absolute)
            && string.Equals(absolute.Host, site.Host, StringComparison.OrdinalIgnoreCase)
            && absolute.Scheme is "http" or "https"
            ? AddMarker(url)
            : url;
    }

    // Inserts the marker before the fragment, after any existing query, and never twice.
    private static string AddMarker(string url)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash < 0 ? "" : url[hash..];
        var beforeFragment = hash < 0 ? url : url[..hash];
        var question = beforeFragment.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0 && beforeFragment[(question + 1)..].Split('&').Any(p => p.StartsWith("utm_source=", StringComparison.Ordinal)))
        {
            return url;
        }

        var separator = question < 0 ? "?" : beforeFragment.EndsWith('?') || beforeFragment.EndsWith('&') ? "" : "&";
        return beforeFragment + separator + Marker + fragment;
    }
}
