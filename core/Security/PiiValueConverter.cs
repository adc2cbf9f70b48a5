using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ConversationHub.Core.Security;

/// <summary>Encrypts a string property on write and decrypts it on read.</summary>
internal sealed class PiiValueConverter(IPiiProtector protector, string purpose) : ValueConverter<string, string>(
    plain => protector.Protect(plain, purpose),
    stored => protector.Unprotect(stored, purpose));
