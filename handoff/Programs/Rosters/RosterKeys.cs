using System.Globalization;
using System.Text;
using ConversationHub.Core.Security;

namespace ConversationHub.Handoff.Programs.Rosters;

/// <summary>
/// The keyed look-up hashes of a roster (a blind index): one per member, of the program, the member's folded name, date
/// of birth and postal code, so that an agent finds a household by any member and nothing can be listed or searched in
/// part. The program is in the hashed value, so the same person in two programs' rosters cannot be matched across them.
/// </summary>
internal static class RosterKeys
{
    public const string MemberPurpose = "program_roster_keys.Hash";
    public const string NumberPurpose = "program_roster_households.NumberHash";

    /// <summary>The hash that finds a member's household.</summary>
    public static string Member(IPiiProtector pii, Guid programId, string name, DateOnly birthDate, string postalCode) =>
        pii.ComputeLookupHash(string.Create(CultureInfo.InvariantCulture,
            $"{programId:N}|{FoldName(name)}|{birthDate:yyyyMMdd}|{PostalDigits(postalCode)}"), MemberPurpose);

    /// <summary>The hash that finds a household by the number the city gave it.</summary>
    public static string Number(IPiiProtector pii, Guid programId, string householdNumber) =>
        pii.ComputeLookupHash(string.Create(CultureInfo.InvariantCulture, $"{programId:N}|{householdNumber.Normalize(NormalizationForm.FormKC).Trim()}"), NumberPurpose);

    /// <summary>
    /// A name as compared: NFKC (full-width letters and half-width kana folded), no spaces of any width, katakana as
    /// hiragana (ヤマダ and やまだ are one name), lower case.
    /// </summary>
    public static string FoldName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c))
                continue;
            builder.Append(c is >= 'ァ' and <= 'ヶ' ? (char)(c - 0x60) : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>The digits of a postal code (〒123-4567, １２３４５６７); seven for a valid one.</summary>
    public static string PostalDigits(string postalCode)
    {
        var builder = new StringBuilder(7);
        foreach (var c in postalCode.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsAsciiDigit(c))
                builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="postalCode"/> is a postal code: seven digits, with a hyphen or 〒 at most.</summary>
    public static bool IsPostalCode(string? postalCode)
    {
        if (string.IsNullOrWhiteSpace(postalCode))
            return false;
        var folded = postalCode.Normalize(NormalizationForm.FormKC).Replace("〒", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
        return folded.Length == 7 && folded.All(char.IsAsciiDigit);
    }
}
