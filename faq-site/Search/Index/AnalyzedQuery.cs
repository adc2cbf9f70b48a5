namespace ConversationHub.Faq.Search.Index;

/// <summary>
/// A query after analysis and synonym expansion: the terms first-stage search scores, kept so that re-ranking
/// computes its features from the same terms. Typed terms have weight 1; terms only a synonym contributed have
/// the (smaller) synonym weight.
/// </summary>
internal sealed class AnalyzedQuery(string foldedText, QueryTerms words, QueryTerms grams, QueryTerms readings)
{
    /// <summary>The query normalised and reading-folded (as <see cref="AnalyzedDocument.QuestionText"/>).</summary>
    public string FoldedText { get; } = foldedText;

    public QueryTerms Words { get; } = words;

    public QueryTerms Grams { get; } = grams;

    /// <summary>Bigrams of the query's reading, weighted by how much of the query is hiragana (see <see cref="Readings.KanaShare"/>).</summary>
    public QueryTerms Readings { get; } = readings;

    public QueryTerms this[TermSpace space] => space switch
    {
        TermSpace.Words => Words,
        TermSpace.Grams => Grams,
        _ => Readings,
    };
}
