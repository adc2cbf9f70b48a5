namespace ConversationHub.VoiceBridge.Resources;

/// <summary>
/// Marker for the phone's prompts (<c>VoiceStrings.resx</c>: Japanese, the neutral culture; <c>.en</c>, <c>.zh</c>,
/// <c>.ko</c>, <c>.es</c>, <c>.pt</c> for the language menu).
/// </summary>
public sealed class VoiceStrings
{
    private VoiceStrings()
    {
    }
}
