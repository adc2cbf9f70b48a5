using System.Text.Json;

namespace ConversationHub.Faq.KnowledgeBase.Domain;

/// <summary>
/// What a <see cref="FaqRevision"/> records of an FAQ. Categories are kept by kind and name. Links and owners
/// were added later: snapshots written before have them null, which means "not recorded", not "none".
/// </summary>
public sealed record FaqRevisionSnapshot(
    string Question,
    IReadOnlyList<string> Paraphrases,
    string AnswerMarkdown,
    IReadOnlyList<string> Categories,
    string Visibility,
    string Status,
    DateTime? PublishFromUtc,
    DateTime? PublishUntilUtc,
    IReadOnlyList<FaqRevisionSnapshot.Link>? RelatedLinks = null,
    IReadOnlyList<Guid>? DepartmentIds = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The snapshot of <paramref name="faq"/> as loaded (with paraphrases and categories).</summary>
    public static FaqRevisionSnapshot Of(FaqEntry faq)
    {
        ArgumentNullException.ThrowIfNull(faq);
        return new(
            faq.Question,
            [.. faq.Paraphrases.Select(p => p.Text)],
            faq.AnswerMarkdown,
            [.. faq.Categories.OrderBy(c => c.Kind).ThenBy(c => c.Name, StringComparer.Ordinal).Select(c => $"{c.Kind}:{c.Name}")],
            faq.Visibility.ToString(),
            faq.Status.ToString(),
            faq.PublishFromUtc,
            faq.PublishUntilUtc,
            [.. faq.RelatedLinks.OrderBy(l => l.SortOrder).Select(l => new Link(l.Title, l.Url))],
            [.. faq.Owners.Select(o => o.DepartmentId).Order()]);
    }

    /// <summary>A related link as it was.</summary>
    public sealed record Link(string Title, string Url);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static FaqRevisionSnapshot? FromJson(string json) => JsonSerializer.Deserialize<FaqRevisionSnapshot>(json, Json);
}
