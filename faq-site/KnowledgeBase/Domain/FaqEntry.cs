namespace ConversationHub.Faq.KnowledgeBase.Domain;

/// <summary>One question and its answer in the knowledge base.</summary>
public sealed class FaqEntry
{
    public FaqEntry(string question, string answerMarkdown)
    {
        Question = question;
        AnswerMarkdown = answerMarkdown;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>Stable human-readable key from imports (demo data, migrations of older systems); unique when set.</summary>
    public string? ExternalKey { get; set; }

    public string Question { get; set; }

    /// <summary>The answer in Markdown; raw HTML is escaped when rendered.</summary>
    public string AnswerMarkdown { get; set; }

    public FaqVisibility Visibility { get; set; } = FaqVisibility.Public;

    public FaqStatus Status { get; set; } = FaqStatus.Draft;

    public DateTime? PublishFromUtc { get; set; }

    public DateTime? PublishUntilUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; } = DateTime.UtcNow;

    public DateTime UpdatedAtUtc { get; set; } = DateTime.UtcNow;

    public List<FaqParaphrase> Paraphrases { get; } = [];

    public List<FaqCategory> Categories { get; } = [];

    /// <summary>Links shown under the answer, in their <see cref="FaqRelatedLink.SortOrder"/>.</summary>
    public List<FaqRelatedLink> RelatedLinks { get; } = [];

    /// <summary>Files offered with the answer.</summary>
    public List<FaqAttachment> Attachments { get; } = [];

    /// <summary>Owning departments (ids of core's departments; the FAQ module does not own that table).</summary>
    public List<FaqOwner> Owners { get; } = [];
}
