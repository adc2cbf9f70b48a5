namespace ConversationHub.Handoff.Postal;

/// <summary>Why an input is not a postal code (<see cref="PostalCode.TryNormalize"/>).</summary>
internal enum PostalCodeProblem
{
    /// <summary>Nothing but blanks or 〒.</summary>
    Empty,

    /// <summary>A character that is neither a digit (half- or full-width) nor a hyphen.</summary>
    InvalidCharacter,

    /// <summary>Not 7 digits.</summary>
    WrongLength,

    /// <summary>A hyphen anywhere but after the third digit, or more than one.</summary>
    MisplacedHyphen,
}

/// <summary>
/// Reads a postal code as people type it: <c>1234567</c>, <c>123-4567</c>, <c>〒１２３－４５６７</c>, with blanks around it.
/// Hyphen look-alikes (‐ − – — ー ｰ －) count as hyphens, because IMEs and copied text produce them.
/// </summary>
internal static class PostalCode
{
    /// <summary>Normalizes <paramref name="input"/> to 7 ASCII digits, or says what is wrong with it.</summary>
    public static bool TryNormalize(string? input, out string code, out PostalCodeProblem problem, out string? detail)
    {
        code = string.Empty;
        detail = null;
        var text = (input ?? string.Empty).Trim().Trim('\u3000');
        if (text.StartsWith('〒'))
        {
            text = text[1..].Trim().Trim('\u3000');
        }

        if (text.Length == 0)
        {
            problem = PostalCodeProblem.Empty;
            return false;
        }

        // PERF: stackalloc, the lookup of every keystroke of the form passes here.
        Span<char> digits = stackalloc char[8];
        var count = 0;
        var hyphenAt = -1;
        var hyphens = 0;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9' or >= '０' and <= '９')
            {
                if (count < digits.Length)
                {
                    digits[count] = c <= '9' ? c : (char)('0' + (c - '０'));
                }

                count++;
            }
            else if (IsHyphen(c))
            {
                hyphens++;
                hyphenAt = count;
            }
            else
            {
                problem = PostalCodeProblem.InvalidCharacter;
                detail = c.ToString();
                return false;
            }
        }

        if (count != 7)
        {
            problem = PostalCodeProblem.WrongLength;
            detail = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return false;
        }

        if (hyphens > 1 || (hyphens == 1 && hyphenAt != 3))
        {
            problem = PostalCodeProblem.MisplacedHyphen;
            return false;
        }

        code = new string(digits[..7]);
        problem = default;
        return true;
    }

    /// <summary>The code as an integer key of the index (leading zeros are part of the 7-digit string form only).</summary>
    public static int ToKey(ReadOnlySpan<char> sevenDigits)
    {
        var key = 0;
        foreach (var c in sevenDigits)
        {
            key = (key * 10) + (c - '0');
        }

        return key;
    }

    /// <summary>Whether <paramref name="text"/> is exactly 7 ASCII digits.</summary>
    public static bool IsSevenDigits(ReadOnlySpan<char> text)
    {
        if (text.Length != 7)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHyphen(char c) => c is '-' or '－' or '‐' or '‑' or '–' or '—' or '−' or 'ー' or 'ｰ' or '―';
}
