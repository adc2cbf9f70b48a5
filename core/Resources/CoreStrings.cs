namespace ConversationHub.Core.Resources;

/// <summary>Marker for the core module's UI strings (<c>CoreStrings.resx</c>, Japanese neutral culture).</summary>
public sealed class CoreStrings
{
    private CoreStrings()
    {
    }
}
