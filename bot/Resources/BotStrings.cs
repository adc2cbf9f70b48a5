namespace ConversationHub.Bot.Resources;

/// <summary>Marker for the bot's texts (<c>BotStrings.resx</c>, Japanese neutral culture).</summary>
public sealed class BotStrings
{
    private BotStrings()
    {
    }
}
