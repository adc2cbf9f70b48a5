using System.Text;

namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>
/// Reads a フリガナ as people type it: half-width katakana becomes full-width (NFKC), hiragana becomes katakana, blanks
/// become one full-width space. Anything else (kanji, Latin letters, digits) is not kana and is refused.
/// </summary>
internal static class KanaText
{
    /// <summary>The full-width katakana of <paramref name="input"/>, or null when it holds anything but kana and blanks.</summary>
    public static string? Normalize(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = input.Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(text.Length);
        var blank = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                blank = result.Length > 0;
                continue;
            }

            var kana = c is >= '\u3041' and <= '\u3096' ? (char)(c + 0x60) : c;
            if (kana is not (>= '\u30A1' and <= '\u30FA') and not '\u30FC' and not '\u30FB')
            {
                return null;
            }

            if (blank)
            {
                result.Append('\u3000');
                blank = false;
            }

            result.Append(kana);
        }

        return result.ToString();
    }
}
