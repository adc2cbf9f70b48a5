namespace ConversationHub.Faq.Ranking.History;

/// <summary>Who or what activates a model, for the activation log.</summary>
/// <param name="UserId">The editor or administrator; null for the schedule and the command line.</param>
/// <param name="Via">Where it was done: <see cref="Console"/>, <see cref="Schedule"/> or <see cref="CommandLine"/>.</param>
/// <param name="Automatic">True when training activated its own model (logged as <see cref="RankingModelActivationAction.AutoPromote"/>).</param>
internal sealed record RankingModelActor(Guid? UserId, string Via, bool Automatic)
{
    public const string Console = "console";
    public const string Schedule = "schedule";
    public const string CommandLine = "command_line";

    public static RankingModelActor Editor(Guid? userId) => new(userId, Console, Automatic: false);

    public static readonly RankingModelActor ScheduledTraining = new(null, Schedule, Automatic: true);

    public static readonly RankingModelActor TrainCommand = new(null, CommandLine, Automatic: true);

    public static readonly RankingModelActor ModelsCommand = new(null, CommandLine, Automatic: false);
}
