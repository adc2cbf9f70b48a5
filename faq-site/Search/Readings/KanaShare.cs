using ConversationHub.Faq.Search.Analysis;

namespace ConversationHub.Faq.Search.Readings;

/// <summary>
/// How much of a text is written in hiragana, among its Japanese letters: 1 for じゅうみんひょう, 0 for 住民票. A query's
/// reading terms count by this share: a citizen who typed kanji already matches the FAQ's kanji, and homophones
/// (市長 and 市町) would only add noise, while one who typed kana has no other way to reach a kanji FAQ.
/// </summary>
internal static class KanaShare
{
    public static float Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hiragana = 0;
        var japanese = 0;
        foreach (var c in text)
        {
            var kind = CharClass.Of(c);
            if (kind is CharKind.Hiragana or CharKind.Kanji)
                japanese++;
            if (kind == CharKind.Hiragana)
                hiragana++;
        }

        return japanese == 0 ? 0f : hiragana / (float)japanese;
    }
}
