using ConversationHub.VoiceBridge.Acs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>Start-up validation of <c>Voice:*</c> names each missing setting of a half-configured ACS connection.</summary>
public sealed class AcsVoiceOptionsTests
{
    [Fact]
    public void Options_NoSettings_AreTheSimulatorAndValid()
    {
        // Arrange
        using var services = AcsCallAutomationClientTests.Services(new Uri("http://127.0.0.1:1/"), new Dictionary<string, string?>
        {
            ["Voice:Provider"] = null, ["Voice:Acs:Endpoint"] = null, ["Voice:Acs:AccessKey"] = null, ["Voice:Acs:CallbackBaseUrl"] = null,
            ["Voice:Acs:Audience"] = null, ["Voice:Acs:CallbackSecret"] = null,
        });

        // Act
        var options = services.GetRequiredService<IOptions<VoiceOptions>>().Value;

        // Assert
        Assert.Equal(VoiceProvider.Simulator, options.EffectiveProvider);
        Assert.Equal("2025-06-15", options.Acs.ApiVersion);
        Assert.Equal("2021-03-07", options.Acs.SmsApiVersion);
        Assert.Equal(AcsOptions.DefaultOpenIdMetadataUrl, options.Acs.OpenIdMetadataUrl.AbsoluteUri);
        Assert.Equal("ja-JP-NanamiNeural", options.Acs.VoiceName);
    }

    [Fact]
    public void Options_ProviderAcsWithoutAccessKey_NamesTheSetting()
    {
        var error = Validate(new Dictionary<string, string?> { ["Voice:Acs:AccessKey"] = null });
        Assert.Contains("Voice:Acs:AccessKey is required when Voice:Provider is Acs.", error.Failures);
        Assert.Single(error.Failures);
    }

    [Fact]
    public void Options_EndpointOnly_ResolvesToAcsAndNamesEveryMissingSetting()
    {
        var error = Validate(new Dictionary<string, string?>
        {
            ["Voice:Provider"] = null, ["Voice:Acs:AccessKey"] = null, ["Voice:Acs:CallbackBaseUrl"] = null, ["Voice:Acs:Audience"] = null, ["Voice:Acs:CallbackSecret"] = null,
        });
        Assert.Equal(
            [
                "Voice:Acs:AccessKey is required when an ACS endpoint or access key is configured.",
                "Voice:Acs:CallbackBaseUrl (an absolute URL) is required when an ACS endpoint or access key is configured.",
                "Voice:Acs:Audience (the ACS resource's immutable id) is required when an ACS endpoint or access key is configured.",
                "Voice:Acs:CallbackSecret is required when an ACS endpoint or access key is configured.",
            ],
            error.Failures);
    }

    [Fact]
    public void Options_ShortSecretAndBadKey_AreRefused()
    {
        var error = Validate(new Dictionary<string, string?> { ["Voice:Acs:AccessKey"] = "not base64!", ["Voice:Acs:CallbackSecret"] = "short" });
        Assert.Contains("Voice:Acs:AccessKey must be the Base64 key the portal shows.", error.Failures);
        Assert.Contains("Voice:Acs:CallbackSecret must be at least 16 characters.", error.Failures);
    }

    private static OptionsValidationException Validate(Dictionary<string, string?> overrides)
    {
        using var services = AcsCallAutomationClientTests.Services(new Uri("http://127.0.0.1:1/"), overrides);
        return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<VoiceOptions>>().Value);
    }
}
