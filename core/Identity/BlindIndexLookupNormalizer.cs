using ConversationHub.Core.Security;
using Microsoft.AspNetCore.Identity;

namespace ConversationHub.Core.Identity;

/// <summary>
/// E-mail addresses are encrypted at rest, so Identity's normalized e-mail column holds a keyed hash of the
/// normalized address instead of the address: look-ups still work, and the column reveals nothing.
/// </summary>
internal sealed class BlindIndexLookupNormalizer(IPiiProtector protector) : ILookupNormalizer
{
    private readonly UpperInvariantLookupNormalizer _inner = new();

    public string? NormalizeName(string? name) => _inner.NormalizeName(name);

    public string? NormalizeEmail(string? email)
    {
        var normalized = _inner.NormalizeEmail(email);
        return normalized is null ? null : protector.ComputeLookupHash(normalized, "users.NormalizedEmail");
    }
}
