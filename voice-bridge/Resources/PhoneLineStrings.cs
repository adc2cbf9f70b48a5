namespace ConversationHub.VoiceBridge.Resources;

/// <summary>Marker for the phone-line administration API's messages (<c>PhoneLineStrings.resx</c>, Japanese neutral culture).</summary>
public sealed class PhoneLineStrings
{
    private PhoneLineStrings()
    {
    }
}
