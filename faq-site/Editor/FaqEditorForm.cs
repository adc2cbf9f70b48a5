using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.KnowledgeBase.Editing;
using ConversationHub.Faq.Site;

namespace ConversationHub.Faq.Editor;

/// <summary>
/// The FAQ edit form as the browser posts it: rows for paraphrases and links, categories as text separated by
/// 「、」 or line breaks, the publication period in Japan time. Converts to and from <see cref="FaqEdit"/>.
/// </summary>
internal sealed class FaqEditorForm
{
    private static readonly char[] CategorySeparators = [',', '、', '，', '\n', '\r'];

    public string? Question { get; set; }

    public List<string?> Paraphrases { get; set; } = [];

    public string? AnswerMarkdown { get; set; }

    public List<LinkRow> Links { get; set; } = [];

    public string? LifeEvents { get; set; }

    public string? Fields { get; set; }

    public string? Keywords { get; set; }

    public List<Guid> DepartmentIds { get; set; } = [];

    public FaqVisibility Visibility { get; set; } = FaqVisibility.Public;

    public string? PublishFrom { get; set; }

    public string? PublishUntil { get; set; }

    public string? ChangeNote { get; set; }

    /// <summary>The revision the editor opened; null for a new FAQ.</summary>
    public int? ExpectedRevision { get; set; }

    public static FaqEditorForm From(FaqEntry faq, int revision)
    {
        ArgumentNullException.ThrowIfNull(faq);
        return new FaqEditorForm
        {
            Question = faq.Question,
            Paraphrases = [.. faq.Paraphrases.Select(p => (string?)p.Text)],
            AnswerMarkdown = faq.AnswerMarkdown,
            Links = [.. faq.RelatedLinks.OrderBy(l => l.SortOrder).Select(l => new LinkRow { Title = l.Title, Url = l.Url })],
            LifeEvents = Join(faq, FaqCategoryKind.LifeEvent),
            Fields = Join(faq, FaqCategoryKind.Field),
            Keywords = Join(faq, FaqCategoryKind.Keyword),
            DepartmentIds = [.. faq.Owners.Select(o => o.DepartmentId)],
            Visibility = faq.Visibility,
            PublishFrom = JapanDate.ToLocalInput(faq.PublishFromUtc),
            PublishUntil = JapanDate.ToLocalInput(faq.PublishUntilUtc),
            ExpectedRevision = revision,
        };
    }

    /// <summary>The edit to save, or the errors of what could not be read (dates); blank rows are left out.</summary>
    public FaqEdit ToEdit(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!JapanDate.TryParseLocalInput(PublishFrom, out var from))
        {
            errors["publishFromUtc"] = ["公開開始日時は日付と時刻を正しく入力してください。"];
        }

        if (!JapanDate.TryParseLocalInput(PublishUntil, out var until))
        {
            errors["publishUntilUtc"] = ["公開終了日時は日付と時刻を正しく入力してください。"];
        }

        return new FaqEdit(
            Question,
            [.. Paraphrases.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim())],
            AnswerMarkdown,
            Visibility,
            Split(LifeEvents),
            Split(Fields),
            Split(Keywords),
            DepartmentIds,
            from,
            until,
            ChangeNote,
            ExpectedRevision,
            [.. Links.Where(l => !string.IsNullOrWhiteSpace(l.Title) || !string.IsNullOrWhiteSpace(l.Url)).Select(l => new FaqLinkEdit(l.Title?.Trim(), l.Url?.Trim()))]);
    }

    private static string Join(FaqEntry faq, FaqCategoryKind kind) =>
        string.Join("、", faq.Categories.Where(c => c.Kind == kind).Select(c => c.Name));

    private static List<string> Split(string? text) =>
        [.. (text ?? "").Split(CategorySeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>One related link row.</summary>
    internal sealed class LinkRow
    {
        public string? Title { get; set; }

        public string? Url { get; set; }
    }
}
