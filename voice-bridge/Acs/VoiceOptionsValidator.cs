using Microsoft.Extensions.Options;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>
/// Refuses a half-configured ACS connection at start, naming each missing or malformed setting, so an operator never
/// finds out from a silent phone line.
/// </summary>
internal sealed class VoiceOptionsValidator : IValidateOptions<VoiceOptions>
{
    internal const int MinimumSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, VoiceOptions options)
    {
        var acs = options.Acs;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(acs.ApiVersion))
        {
            failures.Add("Voice:Acs:ApiVersion must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(acs.SmsApiVersion))
        {
            failures.Add("Voice:Acs:SmsApiVersion must not be empty.");
        }

        if (!acs.OpenIdMetadataUrl.IsAbsoluteUri)
        {
            failures.Add("Voice:Acs:OpenIdMetadataUrl must be an absolute URL.");
        }

        if (acs.RetryDelay < TimeSpan.Zero)
        {
            failures.Add("Voice:Acs:RetryDelay must not be negative.");
        }

        if (acs.CallbackSecret is { Length: > 0 and < MinimumSecretLength })
        {
            failures.Add($"Voice:Acs:CallbackSecret must be at least {MinimumSecretLength} characters.");
        }

        if (options.EffectiveProvider == VoiceProvider.Acs)
        {
            var requirement = options.Provider is null ? "an ACS endpoint or access key is configured" : "Voice:Provider is Acs";
            if (acs.Endpoint is not { IsAbsoluteUri: true })
            {
                failures.Add($"Voice:Acs:Endpoint (an absolute URL) is required when {requirement}.");
            }

            if (string.IsNullOrWhiteSpace(acs.AccessKey))
            {
                failures.Add($"Voice:Acs:AccessKey is required when {requirement}.");
            }
            else if (!IsBase64(acs.AccessKey))
            {
                failures.Add("Voice:Acs:AccessKey must be the Base64 key the portal shows.");
            }

            if (acs.CallbackBaseUrl is not { IsAbsoluteUri: true })
            {
                failures.Add($"Voice:Acs:CallbackBaseUrl (an absolute URL) is required when {requirement}.");
            }

            if (string.IsNullOrWhiteSpace(acs.Audience))
            {
                failures.Add($"Voice:Acs:Audience (the ACS resource's immutable id) is required when {requirement}.");
            }

            if (string.IsNullOrEmpty(acs.CallbackSecret))
            {
                failures.Add($"Voice:Acs:CallbackSecret is required when {requirement}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsBase64(string value)
    {
        if (value.Length > 512)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out _);
    }
}
