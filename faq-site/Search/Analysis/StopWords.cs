using System.Collections.Frozen;

namespace ConversationHub.Faq.Search.Analysis;

/// <summary>
/// Particles, auxiliaries and function words that are not indexed as words (they stay in the character
/// bigrams, which keep phrase shape). Entries are reading-folded, as tokens are when they are checked.
/// </summary>
internal static class StopWords
{
    private static readonly FrozenSet<string> Words = FrozenSet.ToFrozenSet(
    [
        // particles
        "は", "が", "を", "に", "で", "と", "の", "へ", "も", "や", "か", "ね", "よ", "な", "ば", "から", "まで", "より",
        "など", "ので", "のに", "けど", "けれど", "けれども", "なら", "って", "とか", "には", "では", "とは", "での",
        "への", "からの", "までの", "について", "に関して", "による", "において", "として", "という", "といった",
        // auxiliaries and their inflections as ICU splits them
        "だ", "た", "て", "で", "です", "ます", "でした", "ました", "でしょう", "ましょう", "ません", "ませ", "ん",
        "ですか", "ますか", "ですが", "ますが", "のです", "んです", "のですが", "んですが", "でしょうか",
        "ください", "くだ", "さい", "下さい", "たい", "たく", "ない", "なく", "れる", "られる", "られ", "せる", "させる",
        "いる", "いた", "いて", "おり", "おります", "ある", "あり", "あります", "ありますか", "する", "し", "します",
        "した", "して", "しています", "される", "され", "なる", "なり", "なって", "いただ", "いただけ", "いただき",
        "頂け", "頂き", "いたし", "でき", "できる", "できます", "できますか",
        // inflection pieces that ICU's dictionary leaves between words
        "てい", "てる", "しょう", "ありま", "すか", "まっ", "てく", "せん", "しま", "いま", "したら", "きた", "しない", "しよう",
        "しまい", "しまっ", "ちゃ", "じゃ", "たら", "れば", "すれ", "すれば", "なけれ", "ければ", "にあたって", "まずは",
        "くれ", "くれる", "もらえ", "もらい", "ほしい", "欲しい", "思い", "思う", "教え", "知り", "知りたい",
        // formal nouns, demonstratives and question words
        "こと", "もの", "ため", "よう", "これ", "それ", "あれ", "この", "その", "あの", "どの", "どう", "どこ", "どれ",
        "いつ", "なに", "何", "なん", "だれ", "誰", "ここ", "そこ", "どんな", "どのよう", "どのような", "どうすれ",
        "どうしたら", "いい", "よい", "良い",
    ], StringComparer.Ordinal);

    public static bool Contains(string foldedWord) => Words.Contains(foldedWord);
}
