namespace ConversationHub.VoiceBridge.Acs;

/// <summary>The ACS resource and how its callbacks reach us (<c>Voice:Acs</c>).</summary>
public sealed class AcsOptions
{
    /// <summary>The Call Automation callbacks' OpenID metadata that Microsoft documents for securing callback webhooks.</summary>
    public const string DefaultOpenIdMetadataUrl = "https://acscallautomation.communication.azure.com/calling/.well-known/acsopenidconfiguration";

    /// <summary>The resource's endpoint, e.g. <c>https://contoso.communication.azure.com</c> (or the simulator's base URL).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The resource's access key, Base64 as the portal shows it; signs every REST request (HMAC-SHA256).</summary>
    public string? AccessKey { get; set; }

    /// <summary>Our public base URL; callbacks go to <c>{CallbackBaseUrl}/api/voice/callbacks/{CallbackSecret}</c>.</summary>
    public Uri? CallbackBaseUrl { get; set; }

    /// <summary>The audience of the callbacks' JWTs: the ACS resource's immutable id.</summary>
    public string? Audience { get; set; }

    /// <summary>The secret path segment of the callback URL (at least 16 characters); a cheap second check beside the JWT.</summary>
    public string? CallbackSecret { get; set; }

    /// <summary>The Call Automation REST version.</summary>
    public string ApiVersion { get; set; } = "2025-06-15";

    /// <summary>The SMS REST version.</summary>
    public string SmsApiVersion { get; set; } = "2021-03-07";

    /// <summary>Where the callbacks' signing keys are published (OIDC discovery document); the simulator serves its own.</summary>
    public Uri OpenIdMetadataUrl { get; set; } = new(DefaultOpenIdMetadataUrl);

    /// <summary>The neural voice for text-to-speech prompts.</summary>
    public string VoiceName { get; set; } = "ja-JP-NanamiNeural";

    /// <summary>Delay before the first retry of a transient failure (doubles each try, with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The URL ACS posts a call's events to, including the secret segment.</summary>
    public Uri CallbackUri() =>
        new($"{CallbackBaseUrl!.AbsoluteUri.TrimEnd('/')}/api/voice/callbacks/{Uri.EscapeDataString(CallbackSecret!)}");
}
