namespace ConversationHub.Faq.Search.Index;

/// <summary>
/// The first-stage candidates of one query, best first, with the snapshot they were found in and the analysed
/// query: everything re-ranking needs, so that features read the same state the candidates came from.
/// </summary>
internal sealed class FirstStageResult(IndexSnapshot snapshot, AnalyzedQuery query, int[] slots, float[] scores)
{
    public IndexSnapshot Snapshot { get; } = snapshot;

    public AnalyzedQuery Query { get; } = query;

    /// <summary>Snapshot slots of the candidates, best first.</summary>
    public int[] Slots { get; } = slots;

    /// <summary>BM25F scores of the candidates, parallel to <see cref="Slots"/>.</summary>
    public float[] Scores { get; } = scores;

    public int Count => Slots.Length;

    public string DocumentId(int rank) => Snapshot.Ids[Slots[rank]]!;
}
