using ConversationHub.Core.Events;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Search.Service;

namespace ConversationHub.Faq.KnowledgeBase.Editing;

/// <summary>Publishes or archives an FAQ (draft → published → archived, or back to published), with a revision.</summary>
public sealed class ChangeFaqStatus(FaqDbContext db, IHubEvents events, TimeProvider time)
{
    public async Task<FaqEditResult> ExecuteAsync(Guid faqId, FaqStatus status, int expectedRevision, Guid? editorId, CancellationToken cancellationToken)
    {
        var faq = await FaqEditing.LoadAsync(db, faqId, cancellationToken);
        if (faq is null)
        {
            return FaqEditResult.NotFound(faqId);
        }

        var current = await FaqEditing.LatestRevisionAsync(db, faqId, cancellationToken);
        if (expectedRevision != current)
        {
            return FaqEditResult.Conflict(faqId, current);
        }

        if (status == FaqStatus.Draft)
        {
            return FaqEditResult.Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["status"] = ["公開済みのFAQを下書きに戻すことはできません。アーカイブしてください。"] });
        }

        faq.Status = status;
        var note = status == FaqStatus.Published ? "公開" : "アーカイブ";
        var revision = await FaqEditing.CommitWithRevisionAsync(db, faq, current + 1, editorId, note, time, cancellationToken);
        await events.PublishAsync(FaqSearchTopics.FaqChanged, faqId.ToString(), cancellationToken);
        return FaqEditResult.Saved(faqId, revision);
    }
}
