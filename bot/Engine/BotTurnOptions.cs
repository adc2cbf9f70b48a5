namespace ConversationHub.Bot.Engine;

/// <summary>The <c>Bot:Turns</c> section: how turns are taken and how unanswered ones are found again.</summary>
public sealed class BotTurnOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Bot:Turns";

    /// <summary>
    /// Whether this node answers turns. False for a node that only serves HTTP: what it stores is left pending and
    /// answered by the sweep of a node that answers.
    /// </summary>
    public bool AnswerTurns { get; set; } = true;

    /// <summary>
    /// How many turns of different conversations a node takes at once (turns of one conversation are always taken one
    /// at a time, in order). Mostly they wait for the database, so a few more than the cores keep the node busy.
    /// </summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>How long a node holds a turn it is answering before another node may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a node looks for turns that nobody is answering (after a crash or restart).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How old a pending turn must be before the sweep takes it: younger ones are normally in the storing node's
    /// own queue, which answers them faster.
    /// </summary>
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromSeconds(10);
}
