using System.Security.Cryptography;

namespace ConversationHub.Handoff.Cases;

/// <summary>The random token that threads mail onto a case: lower-case letters and digits, safe in a mail address.</summary>
internal static class CaseToken
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>A new token of 16 characters (80 bits).</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, 16);

    /// <summary>Whether <paramref name="value"/> has a token's shape.</summary>
    public static bool IsWellFormed(string? value) => value is { Length: 16 } && value.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
