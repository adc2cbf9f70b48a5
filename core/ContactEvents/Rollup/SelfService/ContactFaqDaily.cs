using ConversationHub.Core.ContactEvents.Domain;

namespace ConversationHub.Core.ContactEvents.Rollup.SelfService;

/// <summary>
/// The bot's answers with one FAQ on one Japan-time day and channel, folded from <see cref="ContactEventKind.BotAnswered"/>
/// events by <see cref="SelfServiceFold"/> in the hourly roll-up's transaction. The hourly roll-up keeps no FAQ id, and
/// a row per hour and FAQ would be mostly ones; the self-service report asks for days at the finest.
/// </summary>
public sealed class ContactFaqDaily
{
    // For EF Core.
    private ContactFaqDaily()
    {
        FaqId = "";
    }

    /// <summary>Creates an empty row.</summary>
    public ContactFaqDaily(DateOnly dayJst, ContactChannel channel, string faqId, Guid programId = default)
    {
        DayJst = dayJst;
        Channel = channel;
        FaqId = faqId;
        ProgramId = programId;
    }

    /// <summary>The day (Japan time).</summary>
    public DateOnly DayJst { get; private set; }

    /// <summary>The channel.</summary>
    public ContactChannel Channel { get; private set; }

    /// <summary>
    /// The program (施策, issue 19) the conversation came through; <see cref="Guid.Empty"/> for none, and for the rows
    /// folded before the roll-up had the program.
    /// </summary>
    public Guid ProgramId { get; private set; }

    /// <summary>The FAQ's id as the bot recorded it.</summary>
    public string FaqId { get; private set; }

    /// <summary>Answers given with the FAQ.</summary>
    public int Answers { get; set; }
}
