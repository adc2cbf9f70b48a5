using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Core.Security;

/// <summary>
/// Encrypts ASP.NET Core's data-protection keys (which sign cookies and anti-forgery tokens) with the same
/// AES-256-GCM keys as personal data before they are stored in the shared database.
/// </summary>
internal sealed class PiiXmlEncryptor(IServiceProvider services) : IXmlEncryptor
{
    internal const string Purpose = "data_protection_keys.Xml";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        // Resolved on first use, not when options are built, so a key error surfaces as a start-up validation failure.
        var protector = services.GetRequiredService<IPiiProtector>();
        var encrypted = new XElement("encryptedKey", protector.Protect(plaintextElement.ToString(SaveOptions.DisableFormatting), Purpose));
        return new EncryptedXmlInfo(encrypted, typeof(PiiXmlDecryptor));
    }
}
