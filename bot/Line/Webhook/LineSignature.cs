using System.Security.Cryptography;
using System.Text;

namespace ConversationHub.Bot.Line.Webhook;

/// <summary>
/// The webhook signature: Base64(HMAC-SHA256(key: the channel secret's UTF-8 bytes, message: the raw body)).
/// </summary>
internal static class LineSignature
{
    public static string Compute(string channelSecret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelSecret);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body));
    }

    /// <summary>Whether <paramref name="header"/> signs <paramref name="body"/>; compared in constant time.</summary>
    public static bool IsValid(string channelSecret, ReadOnlySpan<byte> body, string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[64];
        if (!Convert.TryFromBase64String(header, given, out var length) || length != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given[..length]);
    }
}
