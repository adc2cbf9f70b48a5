namespace ConversationHub.Faq.ProgramFaqs;

/// <summary>
/// An FAQ that belongs to programs (施策) which all stop needing it: from <see cref="WithheldFromUtc"/> it is off the
/// site, search and the bot, as if its publication period had ended. Kept by <see cref="ProgramFaqHoldSync"/> from
/// core's <see cref="Core.Programs.IProgramFaqRules"/>; an FAQ that any of its programs keeps has no row.
/// </summary>
public sealed class FaqProgramHold(Guid faqId, DateTime withheldFromUtc, string programs)
{
    public const int MaxProgramsLength = 500;

    public Guid FaqId { get; private set; } = faqId;

    /// <summary>The end of the last of its programs' service (the first instant after it).</summary>
    public DateTime WithheldFromUtc { get; set; } = withheldFromUtc;

    /// <summary>The programs' names, for the editors.</summary>
    public string Programs { get; set; } = programs;
}
