namespace ConversationHub.VoiceBridge.Acs;

/// <summary>The phone channel's settings (<c>Voice</c>).</summary>
public sealed class VoiceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Voice";

    /// <summary>The peer; when not set, <see cref="VoiceProvider.Acs"/> if an ACS endpoint or access key is configured, else the simulator.</summary>
    public VoiceProvider? Provider { get; set; }

    /// <summary>The ACS resource's settings.</summary>
    public AcsOptions Acs { get; set; } = new();

    /// <summary>The provider in effect (see <see cref="Provider"/>).</summary>
    public VoiceProvider EffectiveProvider =>
        Provider ?? (Acs.Endpoint is not null || !string.IsNullOrEmpty(Acs.AccessKey) ? VoiceProvider.Acs : VoiceProvider.Simulator);
}
