using System.Security.Cryptography;

namespace ConversationHub.Core.Security;

/// <summary>A protected value could not be decrypted: tampered, truncated, or made with an unknown key.</summary>
public sealed class PiiProtectionException : CryptographicException
{
    /// <summary>Creates the exception.</summary>
    public PiiProtectionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PiiProtectionException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public PiiProtectionException(string message)
        : base(message)
    {
    }
}
