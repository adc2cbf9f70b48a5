namespace ConversationHub.Faq.Search.Analysis;

/// <summary>The writing system of one character, as far as search cares.</summary>
internal enum CharKind
{
    Other,
    Hiragana,
    Katakana,
    Kanji,
    Latin,
    Digit,
}

/// <summary>Character classification on already NFKC-normalised text.</summary>
internal static class CharClass
{
    public const char LongVowelMark = 'ー';

    public static CharKind Of(char c)
    {
        if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            return CharKind.Latin;
        if (c is >= '0' and <= '9')
            return CharKind.Digit;
        if (c is >= '\u3041' and <= '\u309F')
            return CharKind.Hiragana;

        // The long-vowel mark belongs to kana words of either script; treating it as katakana keeps
        // ラーメン and らーめん in one run.
        if (c is >= '\u30A1' and <= '\u30FA' or LongVowelMark)
            return CharKind.Katakana;
        if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or '々' or '〆')
            return CharKind.Kanji;
        if (char.IsLetter(c))
            return CharKind.Latin;
        return CharKind.Other;
    }

    public static bool IsCjk(CharKind kind) => kind is CharKind.Hiragana or CharKind.Katakana or CharKind.Kanji;
}
