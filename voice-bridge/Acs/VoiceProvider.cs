namespace ConversationHub.VoiceBridge.Acs;

/// <summary>Which telephony peer the voice channel talks to.</summary>
public enum VoiceProvider
{
    /// <summary>The in-process stand-in ACS (development and tests); the default when no ACS settings are given.</summary>
    Simulator,

    /// <summary>Azure Communication Services.</summary>
    Acs,
}
