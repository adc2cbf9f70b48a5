using System.Globalization;
using System.Text;
using ConversationHub.Core.Security;

namespace ConversationHub.Handoff.Cases;

/// <summary>
/// Normal forms of contact details and their keyed hashes (a blind index): the same person typed twice — full-width
/// digits, spaces, hyphens, upper-case mail — gives the same hash, and the hash reveals nothing without the key.
/// </summary>
internal static class CaseContact
{
    public static string? NormalizeText(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return value.Normalize(NormalizationForm.FormKC).Trim();
    }

    /// <summary>Digits only (half-width), for phone numbers and postal codes.</summary>
    public static string Digits(string value) =>
        new(value.Normalize(NormalizationForm.FormKC).Where(char.IsAsciiDigit).ToArray());

    /// <summary>
    /// A Japanese number as the case stores it (0 and 9 or 10 digits, in any width and with any separators) in E.164
    /// (<c>03-1234-5678</c> → <c>+81312345678</c>), for dialling; null when it is not one.
    /// </summary>
    public static string? ToE164(string? phone)
    {
        if (phone is null)
        {
            return null;
        }

        var digits = Digits(phone);
        return digits.Length is 10 or 11 && digits[0] == '0' ? "+81" + digits[1..] : null;
    }

    /// <summary>A name or address folded for comparison: NFKC, no white space, dashes unified, lower case.</summary>
    public static string Fold(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            builder.Append(c is '‐' or '‑' or '‒' or '–' or '—' or '―' or '−' or 'ー' or 'ｰ' ? '-' : char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>Recomputes the look-up hashes of <paramref name="record"/> from its (clear) contact fields.</summary>
    public static void Rehash(CaseRecord record, IPiiProtector pii)
    {
        record.NameHash = Hash(record.ContactName is { } name ? Fold(name) : null, "handoff_cases.NameHash", pii);
        record.PhoneHash = Hash(record.ContactPhone is { } phone ? Digits(phone) : null, "handoff_cases.PhoneHash", pii);
        record.EmailHash = Hash(record.ContactEmail?.Trim().ToLowerInvariant(), "handoff_cases.EmailHash", pii);
        record.AddressHash = Hash(record.Address is { } address ? Fold(address) : null, "handoff_cases.AddressHash", pii);
    }

    /// <summary>The e-mail look-up hash of an address (for threading mail from a known sender).</summary>
    public static string EmailHash(string address, IPiiProtector pii) =>
        pii.ComputeLookupHash(address.Trim().ToLowerInvariant(), "handoff_cases.EmailHash");

    private static string? Hash(string? value, string purpose, IPiiProtector pii) =>
        string.IsNullOrEmpty(value) ? null : pii.ComputeLookupHash(value, purpose);
}
