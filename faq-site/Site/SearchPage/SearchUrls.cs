namespace ConversationHub.Faq.Site.SearchPage;

/// <summary>Links within the search page (filters keep the query; everything is percent-encoded).</summary>
internal static class SearchUrls
{
    public static string For(string query, Guid? categoryId = null) =>
        categoryId is { } id ? $"/search?q={Uri.EscapeDataString(query)}&c={id}" : $"/search?q={Uri.EscapeDataString(query)}";
}
