namespace ConversationHub.Bot.Resources;

/// <summary>Marker for the bot's texts of program entries (<c>ProgramBotStrings.resx</c>, Japanese neutral culture).</summary>
public sealed class ProgramBotStrings
{
    private ProgramBotStrings()
    {
    }
}
