namespace ConversationHub.Bot.Resources;

/// <summary>Marker for the bot's booking dialogue texts (<c>ProgramBookingStrings.resx</c>, Japanese neutral culture).</summary>
public sealed class ProgramBookingStrings
{
    private ProgramBookingStrings()
    {
    }
}
