namespace ConversationHub.Faq.Site;

/// <summary>An FAQ in a list (category page, ranking, related FAQs).</summary>
internal sealed record FaqListItem(Guid Id, string Question)
{
    public string Url => FaqSlug.CanonicalPath(Id, Question);
}
