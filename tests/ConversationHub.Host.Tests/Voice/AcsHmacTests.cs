using System.Text;
using ConversationHub.VoiceBridge.Acs;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>The HMAC-SHA256 scheme reproduces the test vector of shared/specs/acs-call-automation.md §1.</summary>
public sealed class AcsHmacTests
{
    [Fact]
    public void Signature_MatchesTheSpecsTestVector()
    {
        var body = Encoding.UTF8.GetBytes("""{"incomingCallContext":"ctx","callbackUri":"https://app.example/cb"}""");
        var hash = AcsHmac.ContentHash(body);
        Assert.Equal("rnbDDve8SAJBGk99HynDIoYvbb/+/mvl81MHk6LJhDY=", hash);
        var signature = AcsHmac.Signature("bG9jYWwtdGVzdC1hY2Nlc3Mta2V5LTMyLWJ5dGVzISE=", "post", "/calling/callConnections:answer?api-version=2025-05-15",
            "contoso.communication.azure.com", "Tue, 05 Nov 2024 08:49:37 GMT", hash);
        Assert.Equal("97pi9+ecQw+c1AinLsIkqOE8ZucE80XWCqfGJu4A5l4=", signature);
        Assert.Equal("HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=97pi9+ecQw+c1AinLsIkqOE8ZucE80XWCqfGJu4A5l4=", AcsHmac.Authorization(signature));
    }

    [Fact]
    public void EmptyBody_HasTheWellKnownHash() =>
        Assert.Equal("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", AcsHmac.ContentHash([]));

    [Fact]
    public void Date_IsRfc1123InUtc() =>
        Assert.Equal("Tue, 05 Nov 2024 08:49:37 GMT", AcsHmac.Date(new DateTimeOffset(2024, 11, 5, 17, 49, 37, TimeSpan.FromHours(9))));
}
