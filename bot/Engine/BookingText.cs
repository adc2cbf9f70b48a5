using System.Text;

namespace ConversationHub.Bot.Engine;

/// <summary>What the citizen types in the booking dialogue, read leniently: full-width digits, hyphens of any kind, spaces.</summary>
internal static class BookingText
{
    // Hyphens, dashes and the long-vowel mark people type between the groups of a phone number.
    private const string Separators = "-‐‑‒–—―−ー－ｰ ()（）";

    /// <summary>NFKC without white space: how a typed answer is compared with a button.</summary>
    public static string Fold(string text) =>
        new([.. text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c))]);

    /// <summary>
    /// The digits of a Japanese phone number as typed (<c>０９０－１２３４－５６７８</c> → <c>09012345678</c>): 10 digits
    /// for a fixed line or 0120, 11 for a mobile, IP or 0800 number; null when it is not one.
    /// </summary>
    public static string? Phone(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).Trim();
        if (folded.Length == 0 || folded.Any(c => !char.IsAsciiDigit(c) && !Separators.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        var digits = new string([.. folded.Where(char.IsAsciiDigit)]);
        return digits switch
        {
            { Length: 10 } when digits[0] == '0' && digits[1] != '0' => digits,
            { Length: 11 } when digits.StartsWith("070", StringComparison.Ordinal) || digits.StartsWith("080", StringComparison.Ordinal)
                || digits.StartsWith("090", StringComparison.Ordinal) || digits.StartsWith("050", StringComparison.Ordinal)
                || digits.StartsWith("020", StringComparison.Ordinal) || digits.StartsWith("0800", StringComparison.Ordinal) => digits,
            _ => null,
        };
    }

    /// <summary>Whether <paramref name="digits"/> (from <see cref="Phone"/>) is a mobile number, which can take an SMS.</summary>
    public static bool IsMobile(string digits) =>
        digits.Length == 11 && (digits.StartsWith("070", StringComparison.Ordinal) || digits.StartsWith("080", StringComparison.Ordinal) || digits.StartsWith("090", StringComparison.Ordinal));

    /// <summary>A mobile number's digits grouped for reading back (<c>090-1234-5678</c>); others as they are (area codes vary in length).</summary>
    public static string Grouped(string digits) => IsMobile(digits) ? $"{digits[..3]}-{digits[3..7]}-{digits[7..]}" : digits;

    /// <summary>A reservation number as typed, without separators; null when it holds anything but letters and digits.</summary>
    public static string? Number(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).Trim();
        var kept = new string([.. folded.Where(c => !Separators.Contains(c, StringComparison.Ordinal))]);
        return kept.Length is > 0 and <= 32 && kept.All(char.IsAsciiLetterOrDigit) ? kept : null;
    }
}
