namespace ConversationHub.Faq.Site;

/// <summary>Everything the public FAQ page shows of one FAQ.</summary>
internal sealed record FaqPageView(
    Guid Id,
    string Question,
    string AnswerMarkdown,
    DateTime UpdatedAtUtc,
    FaqPageView.Crumb? Field,
    IReadOnlyList<FaqPageView.Link> RelatedLinks,
    IReadOnlyList<FaqPageView.File> Attachments,
    IReadOnlyList<FaqListItem> RelatedFaqs)
{
    public string CanonicalPath => FaqSlug.CanonicalPath(Id, Question);

    public sealed record Crumb(Guid Id, string Name);

    public sealed record Link(string Title, string Url);

    public sealed record File(Guid Id, string FileName, string ContentType, long SizeBytes);
}
