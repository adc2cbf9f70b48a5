using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>
/// A stand-in for ACS's callback token issuer on 127.0.0.1: an RSA key published as OIDC metadata and JWKS, and tokens
/// signed with it (or, for forgeries, with a key it does not publish).
/// </summary>
internal sealed class AcsOidcServer : IAsyncDisposable
{
    public const string Issuer = "https://acscallautomation.test/";
    private const string KeyId = "test-key-1";
    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);

    private AcsOidcServer(WebApplication app) => _app = app;

    public Uri MetadataUrl { get; private set; } = null!;

    public static async Task<AcsOidcServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new AcsOidcServer(app);
        app.MapGet("/calling/.well-known/acsopenidconfiguration", (HttpContext context) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = $"{context.Request.Scheme}://{context.Request.Host}/calling/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/calling/keys", () =>
        {
            var parameters = server._rsa.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) } } });
        });
        await app.StartAsync(cancellationToken);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        server.MetadataUrl = new Uri(address, "/calling/.well-known/acsopenidconfiguration");
        return server;
    }

    /// <summary>A token as ACS would send it, for <paramref name="audience"/>; <paramref name="forged"/> signs with an unpublished key under the same key id.</summary>
    public string Token(string audience, bool forged = false, string issuer = Issuer)
    {
        using var other = forged ? RSA.Create(2048) : null;
        var key = new RsaSecurityKey(forged ? other!.ExportParameters(true) : _rsa.ExportParameters(true)) { KeyId = KeyId };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = DateTime.UtcNow,
            NotBefore = DateTime.UtcNow.AddSeconds(-5),
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
