using ConversationHub.Faq.KnowledgeBase.Domain;

namespace ConversationHub.Faq.KnowledgeBase.Editing;

/// <summary>What an editor submits to create or change an FAQ.</summary>
/// <param name="ExpectedRevision">The revision the editor started from (null when creating); a mismatch means someone else saved first.</param>
/// <param name="RelatedLinks">The links under the answer, in order; null leaves them as they are (API callers that predate links).</param>
public sealed record FaqEdit(
    string? Question,
    IReadOnlyList<string>? Paraphrases,
    string? AnswerMarkdown,
    FaqVisibility? Visibility,
    IReadOnlyList<string>? LifeEvents,
    IReadOnlyList<string>? Fields,
    IReadOnlyList<string>? Keywords,
    IReadOnlyList<Guid>? DepartmentIds,
    DateTime? PublishFromUtc,
    DateTime? PublishUntilUtc,
    string? ChangeNote,
    int? ExpectedRevision,
    IReadOnlyList<FaqLinkEdit>? RelatedLinks = null);

/// <summary>One related link as an editor types it.</summary>
public sealed record FaqLinkEdit(string? Title, string? Url);
