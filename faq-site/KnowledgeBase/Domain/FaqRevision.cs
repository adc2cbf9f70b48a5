namespace ConversationHub.Faq.KnowledgeBase.Domain;

/// <summary>
/// One saved state of an FAQ (改訂履歴). The content is a JSON <see cref="FaqRevisionSnapshot"/>, so the history
/// keeps what citizens saw even after categories are renamed or removed.
/// </summary>
public sealed class FaqRevision
{
    public FaqRevision(Guid faqId, int number, string snapshotJson, DateTime createdAtUtc)
    {
        FaqId = faqId;
        Number = number;
        SnapshotJson = snapshotJson;
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }

    public Guid FaqId { get; private set; }

    /// <summary>1, 2, 3, … per FAQ; unique with <see cref="FaqId"/>.</summary>
    public int Number { get; private set; }

    /// <summary>The staff user who saved it; null for imports and system changes.</summary>
    public Guid? EditorUserId { get; set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string SnapshotJson { get; private set; }

    /// <summary>The editor's note (変更理由), written by staff, not by citizens.</summary>
    public string? ChangeNote { get; set; }
}
