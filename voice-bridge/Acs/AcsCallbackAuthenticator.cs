using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>
/// Checks that a Call Automation callback comes from ACS: the secret path segment (constant time) and the
/// <c>Authorization: Bearer</c> JWT, signed by a key of the OIDC metadata at <see cref="AcsOptions.OpenIdMetadataUrl"/>
/// (cached and refreshed by <see cref="ConfigurationManager{T}"/>), issued by that metadata's issuer, for
/// <see cref="AcsOptions.Audience"/>. Fails closed: without a configured secret and audience nothing passes.
/// </summary>
public sealed class AcsCallbackAuthenticator
{
    internal const string MetadataClientName = "acs-openid-metadata";

    private readonly IOptionsMonitor<VoiceOptions> _options;
    private readonly IHttpClientFactory _httpClients;
    private readonly ConcurrentDictionary<Uri, ConfigurationManager<OpenIdConnectConfiguration>> _managers = new();
    private readonly JsonWebTokenHandler _tokens = new();

    /// <summary>Created by dependency injection.</summary>
    public AcsCallbackAuthenticator(IOptionsMonitor<VoiceOptions> options, IHttpClientFactory httpClients)
    {
        _options = options;
        _httpClients = httpClients;
    }

    /// <summary>Whether the callback's secret segment and bearer token are both valid.</summary>
    public async Task<bool> IsAuthenticAsync(string? secret, string? authorization, CancellationToken cancellationToken)
    {
        var acs = _options.CurrentValue.Acs;
        if (string.IsNullOrEmpty(acs.CallbackSecret) || string.IsNullOrEmpty(acs.Audience) || !SameSecret(acs.CallbackSecret, secret))
        {
            return false;
        }

        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var token = authorization[scheme.Length..].Trim();
        var manager = _managers.GetOrAdd(acs.OpenIdMetadataUrl, CreateManager);
        var result = await ValidateAsync(manager, token, acs.Audience, cancellationToken);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // ACS rotated its keys since we cached them: fetch the metadata again (rate-limited by the manager) and retry once.
            manager.RequestRefresh();
            result = await ValidateAsync(manager, token, acs.Audience, cancellationToken);
        }

        return result.IsValid;
    }

    private async Task<TokenValidationResult> ValidateAsync(ConfigurationManager<OpenIdConnectConfiguration> manager, string token, string audience, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await manager.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            return new TokenValidationResult { IsValid = false, Exception = exception };
        }

        return await _tokens.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = configuration.SigningKeys,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(1),
        });
    }

    private ConfigurationManager<OpenIdConnectConfiguration> CreateManager(Uri metadata) =>
        new(
            metadata.AbsoluteUri,
            new OpenIdConnectConfigurationRetriever(),
            // HTTPS everywhere except a loopback stand-in (the simulator and tests).
            new HttpDocumentRetriever(_httpClients.CreateClient(MetadataClientName)) { RequireHttps = !metadata.IsLoopback });

    private static bool SameSecret(string expected, string? actual) =>
        actual is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(actual)));
}
