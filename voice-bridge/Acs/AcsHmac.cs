using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>
/// Azure Communication Services' HMAC-SHA256 request authentication (shared/specs/acs-call-automation.md §1): the body's
/// SHA-256, the date, and a signature over <c>VERB\nPathAndQuery\ndate;host;contentHash</c> keyed with the Base64-decoded
/// access key. Our client signs with it; the stand-in ACS verifies with it.
/// </summary>
public static class AcsHmac
{
    /// <summary>The headers this scheme signs, in order.</summary>
    public const string SignedHeaders = "x-ms-date;host;x-ms-content-sha256";

    /// <summary>Base64 of the SHA-256 of the exact body bytes (an empty body has its own well-known hash).</summary>
    public static string ContentHash(ReadOnlySpan<byte> body) => Convert.ToBase64String(SHA256.HashData(body));

    /// <summary>The <c>x-ms-date</c> value: RFC 1123 in UTC.</summary>
    public static string Date(DateTimeOffset now) => now.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    /// <summary>The signature of one request.</summary>
    /// <param name="accessKey">The resource's access key, Base64 as the portal shows it.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathAndQuery">The path with its query (<c>?api-version=…</c>).</param>
    /// <param name="host">The authority: host, and port only when it is not the scheme's default.</param>
    /// <param name="date">The <c>x-ms-date</c> header's value.</param>
    /// <param name="contentHash">The <c>x-ms-content-sha256</c> header's value.</param>
    public static string Signature(string accessKey, string method, string pathAndQuery, string host, string date, string contentHash)
    {
        var stringToSign = $"{method.ToUpperInvariant()}\n{pathAndQuery}\n{date};{host};{contentHash}";
        return Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(accessKey), Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>The <c>Authorization</c> header's value for a signature.</summary>
    public static string Authorization(string signature) => $"HMAC-SHA256 SignedHeaders={SignedHeaders}&Signature={signature}";

    /// <summary>Whether two signatures are the same, in constant time.</summary>
    public static bool SameSignature(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));
}
