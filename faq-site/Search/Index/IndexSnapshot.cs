namespace ConversationHub.Faq.Search.Index;

/// <summary>
/// An immutable state of the index. Readers take the current snapshot once per query; writers build a new
/// one and swap the reference, so a query never sees a half-applied change.
/// </summary>
internal sealed class IndexSnapshot(
    string?[] ids,
    AnalyzedDocument?[] documents,
    Dictionary<string, int> slotById,
    SpaceIndex words,
    SpaceIndex grams,
    SpaceIndex readings,
    Bm25FParameters parameters)
{
    /// <summary>Document id per slot; null where the document was removed or replaced since the last full build.</summary>
    public string?[] Ids { get; } = ids;

    public AnalyzedDocument?[] Documents { get; } = documents;

    public Dictionary<string, int> SlotById { get; } = slotById;

    public SpaceIndex Words { get; } = words;

    public SpaceIndex Grams { get; } = grams;

    public SpaceIndex Readings { get; } = readings;

    public Bm25FParameters Parameters { get; } = parameters;

    public int SlotCount => Ids.Length;

    public int LiveCount => SlotById.Count;

    public SpaceIndex this[TermSpace space] => space switch
    {
        TermSpace.Words => Words,
        TermSpace.Grams => Grams,
        _ => Readings,
    };
}
