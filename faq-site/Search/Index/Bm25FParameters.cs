namespace ConversationHub.Faq.Search.Index;

/// <summary>
/// Ranking parameters. The defaults were tuned on the localgovFAQ dev split (593 queries) in coarse, round
/// steps; see the search section of the evaluation notes before changing them.
/// </summary>
internal sealed record Bm25FParameters(SpaceParameters Words, SpaceParameters Grams)
{
    // Tuned on the dev split (nDCG@10): words carry the ranking and bigrams add recall at a fifth of the
    // weight (equal weights: 0.42, words alone: 0.49, 1 : 0.2: 0.51); the answer counts as much as the question
    // (question ×3: 0.47), since citizens describe their situation rather than the FAQ's title; a high k1
    // rewards repeated terms in long answers. Paraphrases follow the question; keywords are unmeasured.
    public static Bm25FParameters Default { get; } = new(
        Words: new SpaceParameters(
            Weight: 1.0f,
            K1: 3.0f,
            Question: new(1.0f, 0.5f),
            Paraphrase: new(1.0f, 0.5f),
            Answer: new(1.0f, 0.75f),
            Keywords: new(2.0f, 0.0f)),
        Grams: new SpaceParameters(
            Weight: 0.2f,
            K1: 3.0f,
            Question: new(1.0f, 0.5f),
            Paraphrase: new(1.0f, 0.5f),
            Answer: new(1.0f, 0.75f),
            Keywords: new(2.0f, 0.0f)));

    /// <summary>How much a term that only a synonym contributed counts against one the citizen typed.</summary>
    public float SynonymWeight { get; init; } = 0.5f;

    public SpaceParameters this[TermSpace space] => space == TermSpace.Words ? Words : Grams;
}
