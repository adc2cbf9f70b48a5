using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Core.Security;

/// <summary>Decrypts keys written by <see cref="PiiXmlEncryptor"/>. Activated by data protection by type name.</summary>
internal sealed class PiiXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var protector = services.GetRequiredService<IPiiProtector>();
        return XElement.Parse(protector.Unprotect(encryptedElement.Value, PiiXmlEncryptor.Purpose));
    }
}
