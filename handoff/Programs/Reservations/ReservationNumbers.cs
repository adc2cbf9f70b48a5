using System.Security.Cryptography;
using ConversationHub.Handoff.Cases;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>
/// Reservation numbers (予約番号): eight random digits, easy to read out on the phone and to key on a phone's pad;
/// random rather than sequential so one number does not reveal how many others there are. Uniqueness is the database's
/// (a unique index); a collision is retried by the caller.
/// </summary>
internal static class ReservationNumbers
{
    public const int Length = 8;

    public static string Next() => RandomNumberGenerator.GetInt32(10_000_000, 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A number as typed (full-width, hyphens, spaces) in its stored form; null when it is not one.</summary>
    public static string? Normalize(string? typed)
    {
        var digits = typed is null ? "" : CaseContact.Digits(typed);
        return digits.Length == Length ? digits : null;
    }
}
