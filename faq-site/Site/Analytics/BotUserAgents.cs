namespace ConversationHub.Faq.Site.Analytics;

/// <summary>Tells crawlers and scripts from people, so the access ranking counts citizens only.</summary>
internal static class BotUserAgents
{
    // Substrings, matched case-insensitively. "bot" alone covers Googlebot, bingbot, Applebot, YandexBot, …
    private static readonly string[] Markers =
    [
        "bot", "crawler", "crawl", "spider", "slurp", "headless", "phantomjs", "lighthouse", "preview",
        "facebookexternalhit", "curl", "wget", "python", "java/", "go-http-client", "okhttp", "libwww", "httpclient",
        "scrapy", "monitor", "uptime", "check",
    ];

    /// <summary>True for a missing user agent too: browsers always send one.</summary>
    public static bool IsBot(string? userAgent) =>
        string.IsNullOrWhiteSpace(userAgent)
        || Markers.Any(m => userAgent.Contains(m, StringComparison.OrdinalIgnoreCase));
}
