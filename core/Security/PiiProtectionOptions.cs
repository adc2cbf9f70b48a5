namespace ConversationHub.Core.Security;

/// <summary>
/// The <c>Pii</c> configuration section: AES-256 keys for personal data at rest.
/// </summary>
/// <remarks>
/// Configure <c>Pii:Keys:&lt;id&gt;</c> (base64 of 32 random bytes) for each key, <c>Pii:ActiveKeyId</c> for
/// the one new values use, and <c>Pii:LookupKey</c> for blind-index hashes. When no key is configured, a key
/// file is created under <see cref="KeyFile"/> on first start (the embedded single-node default).
/// </remarks>
public sealed class PiiProtectionOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Pii";

    /// <summary>Encryption keys by id (base64, 32 bytes each). Ids are 1–16 letters, digits or dashes.</summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The id of the key that encrypts new values.</summary>
    public string? ActiveKeyId { get; set; }

    /// <summary>The HMAC-SHA256 key for look-up hashes (base64, 32 bytes).</summary>
    public string? LookupKey { get; set; }

    /// <summary>Key file used when <see cref="Keys"/> is empty; created with fresh keys when missing.</summary>
    public string KeyFile { get; set; } = "data/keys/pii-keys.json";
}
