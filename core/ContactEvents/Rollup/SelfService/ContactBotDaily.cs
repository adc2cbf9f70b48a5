using ConversationHub.Core.ContactEvents.Domain;

namespace ConversationHub.Core.ContactEvents.Rollup.SelfService;

/// <summary>
/// Conversations the bot answered, counted once each on the Japan-time day of the bot's first answer, and how many of
/// them were handed to a person as well (before or after that answer). Their difference is what the bot resolved on
/// its own (自己解決). Folded by <see cref="SelfServiceFold"/>; the hourly roll-up counts answers, not conversations.
/// </summary>
public sealed class ContactBotDaily
{
    /// <summary>Creates an empty row.</summary>
    public ContactBotDaily(DateOnly dayJst, ContactChannel channel, Guid programId = default)
    {
        DayJst = dayJst;
        Channel = channel;
        ProgramId = programId;
    }

    /// <summary>The day (Japan time) of the conversations' first bot answer.</summary>
    public DateOnly DayJst { get; private set; }

    /// <summary>The channel.</summary>
    public ContactChannel Channel { get; private set; }

    /// <summary>
    /// The program (施策, issue 19) the conversations came through; <see cref="Guid.Empty"/> for none, and for the rows
    /// folded before the roll-up had the program.
    /// </summary>
    public Guid ProgramId { get; private set; }

    /// <summary>Conversations the bot answered at least once.</summary>
    public int BotConversations { get; set; }

    /// <summary>Of <see cref="BotConversations"/>, those handed off to the agents' queue too.</summary>
    public int HandedOff { get; set; }
}
