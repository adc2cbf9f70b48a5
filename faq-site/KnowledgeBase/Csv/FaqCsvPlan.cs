using ConversationHub.Faq.KnowledgeBase.Domain;

namespace ConversationHub.Faq.KnowledgeBase.Csv;

/// <summary>What one row of an FAQ CSV does.</summary>
internal enum FaqCsvChangeKind
{
    Add,
    Update,
    Delete,
    Unchanged,
}

/// <summary>One row's effect, as the dry run lists it. <paramref name="ChangedParts"/> are the history's <c>Part_…</c> keys.</summary>
internal sealed record FaqCsvChange(int Row, FaqCsvChangeKind Kind, Guid? FaqId, string Question, IReadOnlyList<string> ChangedParts);

/// <summary>A problem in the file: its row (1 is the header, 0 the whole file), column (null for the whole row) and a Japanese message.</summary>
internal sealed record FaqCsvError(int Row, string? Column, string Message);

/// <summary>
/// The dry run of an FAQ CSV. <see cref="PlanHash"/> covers the file and the revision of every FAQ it touches,
/// so applying can refuse when the file or one of those FAQs changed since the editor read the plan.
/// </summary>
internal sealed class FaqCsvPlan
{
    public required string FileHash { get; init; }

    public required string PlanHash { get; init; }

    public FaqCsvEncoding? Encoding { get; init; }

    public required IReadOnlyList<FaqCsvChange> Changes { get; init; }

    public required IReadOnlyList<FaqCsvError> Errors { get; init; }

    /// <summary>What applying writes, one per row that changes something; empty when there are errors.</summary>
    internal IReadOnlyList<FaqCsvTarget> Targets { get; init; } = [];

    public int Count(FaqCsvChangeKind kind) => Changes.Count(c => c.Kind == kind);

    public bool HasChanges => Errors.Count == 0 && Targets.Count > 0;
}

/// <summary>The state a row asks for. For deletes only <see cref="Faq"/> and <see cref="ChangeNote"/> matter.</summary>
internal sealed record FaqCsvTarget(
    FaqCsvChangeKind Kind,
    FaqEntry? Faq,
    int CurrentRevision,
    string Question,
    IReadOnlyList<string> Paraphrases,
    string AnswerMarkdown,
    IReadOnlyList<(FaqCategoryKind Kind, string Name)> Categories,
    IReadOnlyList<Guid> DepartmentIds,
    FaqVisibility Visibility,
    FaqStatus Status,
    DateTime? PublishFromUtc,
    DateTime? PublishUntilUtc,
    IReadOnlyList<(string Title, string Url)> Links,
    string ChangeNote);
