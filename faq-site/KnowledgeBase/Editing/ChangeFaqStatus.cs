using ConversationHub.Core.Events;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Search.Service;

namespace ConversationHub.Faq.KnowledgeBase.Editing;

/// <summary>
/// Moves an FAQ between its editorial states, with a revision: draft → published (公開), published → draft
/// (公開取り下げ), draft or published → archived, archived → published (再公開).
/// </summary>
public sealed class ChangeFaqStatus(FaqDbContext db, IHubEvents events, TimeProvider time)
{
    /// <summary>Moves the FAQ as an editor who may make every move.</summary>
    public Task<FaqEditResult> ExecuteAsync(Guid faqId, FaqStatus status, int expectedRevision, Guid? editorId, CancellationToken cancellationToken) =>
        ExecuteAsync(faqId, status, expectedRevision, FaqEditorActor.Editor(editorId), cancellationToken);

    /// <summary>Moves the FAQ as <paramref name="editor"/>: forbidden for an FAQ not theirs or a move they may not make (department staff do not publish).</summary>
    public async Task<FaqEditResult> ExecuteAsync(Guid faqId, FaqStatus status, int expectedRevision, FaqEditorActor editor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(editor);
        var faq = await FaqEditing.LoadAsync(db, faqId, cancellationToken);
        if (faq is null)
        {
            return FaqEditResult.NotFound(faqId);
        }

        if (!editor.MayEdit(faq.Owners.Select(o => o.DepartmentId)) || !editor.MayMove(faq.Status, status))
        {
            return FaqEditResult.Forbidden(faqId);
        }

        var current = await FaqEditing.LatestRevisionAsync(db, faqId, cancellationToken);
        if (expectedRevision != current)
        {
            return FaqEditResult.Conflict(faqId, current);
        }

        if (NoteFor(faq.Status, status) is not { } note)
        {
            return FaqEditResult.Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["status"] = [MessageFor(faq.Status, status)] });
        }

        faq.Status = status;
        var revision = await FaqEditing.CommitWithRevisionAsync(db, faq, current + 1, editor.UserId, note, time, cancellationToken);
        await events.PublishAsync(FaqSearchTopics.FaqChanged, faqId.ToString(), cancellationToken);
        return FaqEditResult.Saved(faqId, revision);
    }

    /// <summary>The revision note of a move, or null when the move is not allowed.</summary>
    internal static string? NoteFor(FaqStatus from, FaqStatus to) => (from, to) switch
    {
        (FaqStatus.Draft, FaqStatus.Published) => "公開",
        (FaqStatus.Archived, FaqStatus.Published) => "再公開",
        (FaqStatus.Published, FaqStatus.Draft) => "公開取り下げ",
        (FaqStatus.Draft or FaqStatus.Published, FaqStatus.Archived) => "アーカイブ",
        _ => null,
    };

    private static string MessageFor(FaqStatus from, FaqStatus to) =>
        from == to ? "すでにその状態です。" : to == FaqStatus.Draft
            ? "アーカイブしたFAQを下書きに戻すことはできません。再公開してください。"
            : "この状態の変更はできません。";
}
