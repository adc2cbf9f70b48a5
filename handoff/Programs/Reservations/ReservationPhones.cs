using ConversationHub.Core.Security;
using ConversationHub.Handoff.Cases;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>Phone numbers of reservations: digits only (0 and 9 or 10 more), and their keyed look-up hash.</summary>
internal static class ReservationPhones
{
    public const string HashPurpose = "program_reservations.PhoneHash";

    /// <summary>The digits of a Japanese number as typed; null when it is not one.</summary>
    public static string? Normalize(string? typed)
    {
        var digits = typed is null ? "" : CaseContact.Digits(typed);
        return digits.Length is 10 or 11 && digits[0] == '0' ? digits : null;
    }

    public static string Hash(IPiiProtector pii, string digits) => pii.ComputeLookupHash(digits, HashPurpose);
}
