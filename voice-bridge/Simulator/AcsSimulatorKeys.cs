using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ConversationHub.VoiceBridge.Simulator;

/// <summary>
/// The stand-in's secrets: the HMAC access key clients sign with (configured, or random per process) and the RSA key
/// that signs callback JWTs (random per process: verifiers fetch it from the served JWKS, as they do from ACS).
/// </summary>
internal sealed class AcsSimulatorKeys : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public AcsSimulatorKeys(IOptions<AcsSimulatorOptions> options)
    {
        var configured = options.Value.AccessKey;
        AccessKey = string.IsNullOrWhiteSpace(configured) ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) : configured;
        SigningKey = new RsaSecurityKey(_rsa) { KeyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) };
    }

    public string AccessKey { get; }

    public RsaSecurityKey SigningKey { get; }

    public JsonWebKey PublicJwk()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = SigningKey.KeyId });
        jwk.Use = "sig";
        jwk.Alg = SecurityAlgorithms.RsaSha256;
        return jwk;
    }

    public void Dispose() => _rsa.Dispose();
}
