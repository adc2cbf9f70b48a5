using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.DirectLine.Tokens;

/// <summary>
/// Issues and checks Direct Line tokens. A token is JWT-shaped (<c>header.payload.signature</c>, base64url) so that
/// Web Chat can read the <c>user</c> claim and post as that user, as it does with the real service's tokens. The
/// signature is not HS256: it is the SHA-256 of <c>header.payload</c> protected with ASP.NET Core Data Protection,
/// whose keys every node already shares through the database, so there is no signing key to configure or rotate by
/// hand. The expiry is checked against <see cref="TimeProvider"/> on every call.
/// </summary>
internal sealed class DirectLineTokenService(IDataProtectionProvider dataProtection, IOptionsMonitor<DirectLineOptions> options, TimeProvider time)
{
    private const string Purpose = "ConversationHub.Bot.DirectLine.Token.v1";
    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"ASPNETCORE-DATAPROTECTION","typ":"JWT"}"""u8);

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    public IssuedToken Issue(string userId, Guid conversationId)
    {
        var lifetime = options.CurrentValue.TokenLifetime;
        var now = time.GetUtcNow();
        var payload = new JsonObject
        {
            ["user"] = userId,
            ["conv"] = conversationId.ToString(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + lifetime).ToUnixTimeMilliseconds() / 1000.0,
        };
        var signingInput = Header + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = _protector.Protect(SHA256.HashData(Encoding.ASCII.GetBytes(signingInput)));
        return new IssuedToken(signingInput + "." + Base64Url.EncodeToString(signature), (int)lifetime.TotalSeconds);
    }

    /// <summary>The token's claims, or null when it is malformed, forged, or expired.</summary>
    public DirectLineToken? Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || !string.Equals(parts[0], Header, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var expected = SHA256.HashData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
            var signed = _protector.Unprotect(Base64Url.DecodeFromChars(parts[2]));
            if (!CryptographicOperations.FixedTimeEquals(expected, signed))
            {
                return null;
            }

            var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))?.AsObject();
            var user = payload?["user"]?.GetValue<string>();
            var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds((long)(payload?["exp"]?.GetValue<double>() * 1000 ?? 0));
            if (string.IsNullOrEmpty(user) || !Guid.TryParse(payload?["conv"]?.GetValue<string>(), out var conversationId))
            {
                return null;
            }

            return expiresAt > time.GetUtcNow() ? new DirectLineToken(user, conversationId, expiresAt) : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
