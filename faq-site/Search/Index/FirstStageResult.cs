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

    /// <summary>
    /// These candidates followed by <paramref name="documentIds"/> with score 0, leaving out ids already here, not in
    /// the snapshot, or refused by <paramref name="filter"/> (the same filter as the search, so nothing a caller may
    /// not see gets in). This result itself when nothing is added.
    /// </summary>
    public FirstStageResult Append(IReadOnlyList<string> documentIds, Func<string, bool>? filter = null)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        List<int>? added = null;
        foreach (var id in documentIds)
        {
            if (!Snapshot.SlotById.TryGetValue(id, out var slot)
                || Array.IndexOf(Slots, slot) >= 0
                || added?.Contains(slot) == true
                || (filter is not null && !filter(id)))
            {
                continue;
            }

            (added ??= []).Add(slot);
        }

        if (added is null)
            return this;
        return new FirstStageResult(Snapshot, Query, [.. Slots, .. added], [.. Scores, .. new float[added.Count]]);
    }
}
