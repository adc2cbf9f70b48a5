using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>
/// The idempotency pair of one logical operation (<c>Repeatability-Request-ID</c> and <c>Repeatability-First-Sent</c>).
/// The id is derived from the caller's operation key, so every try of one operation (ours, the retry pipeline's, or a
/// flow's after a restart) carries the same id and ACS carries the operation out once.
/// </summary>
/// <param name="RequestId">A UUID derived from the operation key (SHA-256, version and variant bits set as v4's).</param>
/// <param name="FirstSent">When the operation was first tried, to the second.</param>
public readonly record struct AcsRepeatability(Guid RequestId, DateTimeOffset FirstSent)
{
    /// <summary>The pair for an operation key, e.g. <c>answer:{incoming event id}</c>; keep <paramref name="firstSent"/> with the key.</summary>
    public static AcsRepeatability For(string operationKey, DateTimeOffset firstSent)
    {
        ArgumentException.ThrowIfNullOrEmpty(operationKey);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("acs-repeatability:" + operationKey), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var utc = firstSent.ToUniversalTime();
        return new AcsRepeatability(new Guid(bytes, bigEndian: true), new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
    }

    /// <summary>The request id as ACS wants it (lower-case, hyphenated).</summary>
    public string RequestIdText => RequestId.ToString("D");

    /// <summary>The first-sent time in RFC 1123.</summary>
    public string FirstSentText => FirstSent.ToString("r", CultureInfo.InvariantCulture);
}
