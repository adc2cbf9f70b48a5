namespace ConversationHub.Faq.Site;

/// <summary>The <c>FaqSite</c> section: how the public site names its city.</summary>
public sealed class FaqSiteOptions
{
    public const string SectionName = "FaqSite";

    /// <summary>The city's name as shown in titles (for example 若葉台市).</summary>
    public string CityName { get; set; } = "若葉台市";
}
