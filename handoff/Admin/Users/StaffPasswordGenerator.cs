using System.Security.Cryptography;

namespace ConversationHub.Handoff.Admin.Users;

/// <summary>
/// Initial passwords an administrator hands over once: 14 characters from a cryptographic source, always with an upper
/// case letter, a lower case letter and a digit (the sign-in policy), without look-alikes (I, l, 1, O, 0).
/// </summary>
internal static class StaffPasswordGenerator
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const int Length = 14;

    public static string Generate()
    {
        var all = Upper + Lower + Digits;
        var chars = new char[Length];
        chars[0] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        chars[1] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        chars[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        for (var i = 3; i < Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
