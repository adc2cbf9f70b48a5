using ConversationHub.Faq.KnowledgeBase.Domain;

namespace ConversationHub.Faq.Search.Service;

/// <summary>What search keeps in memory about a published FAQ: enough to filter and show a result without the database.</summary>
internal sealed record FaqSearchEntry(
    Guid Id,
    string Question,
    string AnswerText,
    FaqVisibility Visibility,
    DateTime? PublishFromUtc,
    DateTime? PublishUntilUtc,
    IReadOnlyList<Guid> CategoryIds,
    DateTime UpdatedAtUtc,
    DateTime? WithheldFromUtc = null)
{
    // WithheldFromUtc: the end of the service of the programs it belongs to (ProgramFaqs), checked like the period.
    public bool IsVisibleTo(FaqAudience audience, DateTime nowUtc) =>
        (PublishFromUtc is null || PublishFromUtc <= nowUtc)
        && (PublishUntilUtc is null || PublishUntilUtc > nowUtc)
        && (WithheldFromUtc is null || WithheldFromUtc > nowUtc)
        && Visibility switch
        {
            FaqVisibility.Public => true,
            FaqVisibility.Center => audience is FaqAudience.Center or FaqAudience.Staff,
            _ => audience == FaqAudience.Staff,
        };
}
