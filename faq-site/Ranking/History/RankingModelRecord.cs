namespace ConversationHub.Faq.Ranking.History;

/// <summary>
/// One trained re-ranker in the model history: the model itself (JSON, so every node can load it from the shared
/// database), the judgement snapshot it learned from, and how it and the model active at the time scored on the
/// held-out judgements. At most one record is active.
/// </summary>
public sealed class RankingModelRecord
{
    public RankingModelRecord(
        string modelJson, long? snapshotId, string? snapshotHash, int heldOutQueries, double heldOutNdcg, double? previousHeldOutNdcg, DateTime createdAtUtc)
    {
        ArgumentNullException.ThrowIfNull(modelJson);
        ModelJson = modelJson;
        SnapshotId = snapshotId;
        SnapshotHash = snapshotHash;
        HeldOutQueries = heldOutQueries;
        HeldOutNdcg = heldOutNdcg;
        PreviousHeldOutNdcg = previousHeldOutNdcg;
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }

    public string ModelJson { get; private set; }

    public long? SnapshotId { get; private set; }

    public string? SnapshotHash { get; private set; }

    public int HeldOutQueries { get; private set; }

    /// <summary>nDCG@10 of this model on the held-out judgements of its run.</summary>
    public double HeldOutNdcg { get; private set; }

    /// <summary>nDCG@10 of the model active when this one was trained (or first-stage order), on the same judgements.</summary>
    public double? PreviousHeldOutNdcg { get; private set; }

    public bool IsActive { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ActivatedAtUtc { get; private set; }

    public void Activate(DateTime nowUtc)
    {
        IsActive = true;
        ActivatedAtUtc = nowUtc;
    }

    public void Deactivate() => IsActive = false;
}
