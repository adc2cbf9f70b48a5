namespace ConversationHub.Core.Security;

/// <summary>
/// Encrypts personal data (names, phone numbers, addresses, e-mail addresses, free text) field by field.
/// </summary>
/// <remarks>
/// Ciphertexts carry the id of the key that made them, so keys can be rotated: new values use the active key,
/// old values stay readable while their key is configured. The <c>purpose</c> (for example <c>users.Email</c>)
/// is authenticated with the ciphertext, so a value moved to another column no longer decrypts.
/// </remarks>
public interface IPiiProtector
{
    /// <summary>Encrypts <paramref name="plaintext"/> with the active key. The result is ASCII text.</summary>
    string Protect(string plaintext, string purpose);

    /// <summary>Decrypts a value made by <see cref="Protect"/>.</summary>
    /// <exception cref="PiiProtectionException">The value was altered, is malformed, or its key is unknown.</exception>
    string Unprotect(string protectedValue, string purpose);

    /// <summary>
    /// A keyed, deterministic hash of <paramref name="value"/> for equality look-ups on an encrypted column
    /// (a "blind index"). It reveals nothing about the value without the look-up key.
    /// </summary>
    string ComputeLookupHash(string value, string purpose);

    /// <summary>Whether <paramref name="protectedValue"/> was made with a key other than the active one.</summary>
    bool NeedsReprotection(string protectedValue);
}
