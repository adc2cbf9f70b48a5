namespace ConversationHub.Faq.Search.Index;

/// <summary>The two kinds of terms, each with its own postings, lengths and BM25F parameters.</summary>
internal enum TermSpace
{
    /// <summary>ICU words without particles, plus kanji/katakana compounds.</summary>
    Words = 0,

    /// <summary>CJK character bigrams (recall for words ICU splits differently, and for partial matches).</summary>
    Grams = 1,

    /// <summary>
    /// Character bigrams of the reading of the question, paraphrases and keywords (住民票 → じゅ, ゅう, …), so that a
    /// query typed in kana finds the FAQ written in kanji; empty when no reading dictionary is installed.
    /// </summary>
    Readings = 2,
}
