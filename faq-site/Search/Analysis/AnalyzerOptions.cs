namespace ConversationHub.Faq.Search.Analysis;

/// <summary>Switches of the analyser, kept so that evaluation ablations can run without code edits.</summary>
internal sealed record AnalyzerOptions
{
    public static AnalyzerOptions Default { get; } = new();

    /// <summary>Adds a compound word for adjacent kanji/katakana words (住民 + 票 → 住民票).</summary>
    public bool Compounds { get; init; } = true;

    /// <summary>Character bigrams also over hiragana; off keeps okurigana and particles out of the bigrams.</summary>
    public bool GramsOverHiragana { get; init; } = true;

    /// <summary>
    /// Shortest all-hiragana word that is indexed as a word. ICU cuts inflected verbs into short hiragana
    /// pieces (てい, しま, まっ) that carry no topic; hiragana content words still match through the bigrams.
    /// </summary>
    public int MinHiraganaWordLength { get; init; } = 2;
}
