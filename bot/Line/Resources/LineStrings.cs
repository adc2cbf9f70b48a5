namespace ConversationHub.Bot.Line.Resources;

/// <summary>Marker for the LINE channel's texts (<c>LineStrings.resx</c>, Japanese neutral culture).</summary>
public sealed class LineStrings
{
    private LineStrings()
    {
    }
}
