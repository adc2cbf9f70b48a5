namespace ConversationHub.Faq.KnowledgeBase.Domain;

/// <summary>A link shown under an answer (an application form, a city page), in <see cref="SortOrder"/>.</summary>
public sealed class FaqRelatedLink(string title, string url)
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid FaqId { get; private set; }

    public string Title { get; set; } = title;

    /// <summary>An absolute http(s) URL or a site-relative path; other schemes are not rendered.</summary>
    public string Url { get; set; } = url;

    public int SortOrder { get; set; }
}
