namespace ConversationHub.Faq.Site;

/// <summary>The <c>FaqSite</c> section: how the public site names its city.</summary>
public sealed class FaqSiteOptions
{
    public const string SectionName = "FaqSite";

    /// <summary>The city's name as shown in titles (for example 若葉台市).</summary>
    public string CityName { get; set; } = "若葉台市";

    /// <summary>
    /// The site's public origin for canonical links and the sitemap (for example https://faq.city.example.jp).
    /// When empty, the request's scheme and host are used; set it in production so a forged Host header cannot
    /// leak into cached pages.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// The contact center's phone number, offered when no operator can take a chat. The demo's default is a fictitious
    /// number; a city sets its own.
    /// </summary>
    public string ContactPhone { get; set; } = "0120-000-000";
}
