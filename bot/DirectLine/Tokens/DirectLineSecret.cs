using System.Security.Cryptography;
using System.Text;

namespace ConversationHub.Bot.DirectLine.Tokens;

/// <summary>Compares a presented bearer value with the configured embedder secret in constant time.</summary>
internal static class DirectLineSecret
{
    public static bool Matches(string? configured, string? presented)
    {
        if (string.IsNullOrEmpty(configured) || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        // Hashing first gives equal lengths, so the comparison time says nothing about the secret's length either.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(configured)),
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
    }
}
