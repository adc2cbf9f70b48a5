using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ConversationHub.Core.Security;

/// <summary>
/// AES-256-GCM (a CRYPTREC-listed cipher) with a 96-bit random nonce and a 128-bit tag.
/// Format: <c>pii1.&lt;keyId&gt;.&lt;base64url(nonce ‖ ciphertext ‖ tag)&gt;</c>.
/// </summary>
internal sealed class AesGcmPiiProtector : IPiiProtector
{
    private const string Prefix = "pii1.";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int MaxCachedKeys = 8;

    private readonly PiiKeyRing _keyRing;

    // PERF: an AesGcm holds the expanded key in a native cipher context, which costs more to set up than to encrypt
    // a short field; every transcript read decrypts each activity. An instance is not safe to share between threads,
    // so each thread keeps its own per key (keyed by the key ring's array, which lives as long as the ring).
    [ThreadStatic]
    private static Dictionary<byte[], AesGcm>? t_ciphers;

    public AesGcmPiiProtector(PiiKeyRing keyRing)
    {
        ArgumentNullException.ThrowIfNull(keyRing);
        _keyRing = keyRing;
    }

    /// <inheritdoc />
    public string Protect(string plaintext, string purpose)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentException.ThrowIfNullOrEmpty(purpose);

        var plainBytes = Encoding.UTF8.GetBytes(plaintext);
        var payload = new byte[NonceSize + plainBytes.Length + TagSize];
        var nonce = payload.AsSpan(0, NonceSize);
        var cipher = payload.AsSpan(NonceSize, plainBytes.Length);
        var tag = payload.AsSpan(NonceSize + plainBytes.Length, TagSize);
        RandomNumberGenerator.Fill(nonce);

        CipherFor(_keyRing.ActiveKey).Encrypt(nonce, plainBytes, cipher, tag, AssociatedData(_keyRing.ActiveKeyId, purpose));

        return string.Concat(Prefix, _keyRing.ActiveKeyId, ".", Base64Url.EncodeToString(payload));
    }

    /// <inheritdoc />
    public string Unprotect(string protectedValue, string purpose)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        ArgumentException.ThrowIfNullOrEmpty(purpose);

        var (keyId, payload) = Parse(protectedValue);
        if (!_keyRing.TryGetKey(keyId, out var key))
        {
            throw new PiiProtectionException($"Personal data was encrypted with key '{keyId}', which is not configured (Pii:Keys:{keyId}).");
        }

        if (payload.Length < NonceSize + TagSize)
        {
            throw new PiiProtectionException("Protected value is truncated.");
        }

        var cipherLength = payload.Length - NonceSize - TagSize;
        var plain = new byte[cipherLength];
        try
        {
            CipherFor(key).Decrypt(
                payload.AsSpan(0, NonceSize),
                payload.AsSpan(NonceSize, cipherLength),
                payload.AsSpan(NonceSize + cipherLength, TagSize),
                plain,
                AssociatedData(keyId, purpose));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new PiiProtectionException("Protected value failed authentication: it was altered or belongs to another field.", ex);
        }

        return Encoding.UTF8.GetString(plain);
    }

    /// <inheritdoc />
    public string ComputeLookupHash(string value, string purpose)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        var input = Encoding.UTF8.GetBytes(purpose + "\n" + value);
        return "h1." + Convert.ToHexStringLower(HMACSHA256.HashData(_keyRing.LookupKey, input));
    }

    /// <inheritdoc />
    public bool NeedsReprotection(string protectedValue)
    {
        var (keyId, _) = Parse(protectedValue);
        return !string.Equals(keyId, _keyRing.ActiveKeyId, StringComparison.Ordinal);
    }

    private static (string KeyId, byte[] Payload) Parse(string protectedValue)
    {
        if (!protectedValue.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new PiiProtectionException("Value is not protected personal data (unknown format).");
        }

        var rest = protectedValue.AsSpan(Prefix.Length);
        var dot = rest.IndexOf('.');
        if (dot <= 0)
        {
            throw new PiiProtectionException("Protected value has no key id.");
        }

        try
        {
            return (rest[..dot].ToString(), Base64Url.DecodeFromChars(rest[(dot + 1)..]));
        }
        catch (FormatException ex)
        {
            throw new PiiProtectionException("Protected value is not valid base64url.", ex);
        }
    }

    private static AesGcm CipherFor(byte[] key)
    {
        var ciphers = t_ciphers ??= new Dictionary<byte[], AesGcm>(ReferenceEqualityComparer.Instance);
        if (!ciphers.TryGetValue(key, out var cipher))
        {
            // A node has a few keys; many key rings in one process (tests) must not grow the cache without end.
            if (ciphers.Count >= MaxCachedKeys)
            {
                foreach (var old in ciphers.Values)
                {
                    old.Dispose();
                }

                ciphers.Clear();
            }

            cipher = new AesGcm(key, TagSize);
            ciphers.Add(key, cipher);
        }

        return cipher;
    }

    // The key id is authenticated too, so relabelling a ciphertext with another key id fails.
    private static byte[] AssociatedData(string keyId, string purpose) => Encoding.UTF8.GetBytes(keyId + "\n" + purpose);
}
