namespace ConversationHub.Faq.Search.Index;

/// <summary>
/// Ranking parameters. The defaults were tuned on the localgovFAQ dev split (593 queries) in coarse, round
/// steps; see the search section of the evaluation notes before changing them.
/// </summary>
internal sealed record Bm25FParameters(SpaceParameters Words, SpaceParameters Grams)
{
    public static Bm25FParameters Default { get; } = new(
        Words: new SpaceParameters(
            Weight: 1.0f,
            K1: 1.2f,
            Question: new(3.0f, 0.5f),
            Paraphrase: new(3.0f, 0.5f),
            Answer: new(1.0f, 0.75f),
            Keywords: new(2.0f, 0.0f)),
        Grams: new SpaceParameters(
            Weight: 1.0f,
            K1: 1.2f,
            Question: new(3.0f, 0.5f),
            Paraphrase: new(3.0f, 0.5f),
            Answer: new(1.0f, 0.75f),
            Keywords: new(2.0f, 0.0f)));

    /// <summary>How much a term that only a synonym contributed counts against one the citizen typed.</summary>
    public float SynonymWeight { get; init; } = 0.5f;

    public SpaceParameters this[TermSpace space] => space == TermSpace.Words ? Words : Grams;
}
