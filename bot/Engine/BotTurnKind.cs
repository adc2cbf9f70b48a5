namespace ConversationHub.Bot.Engine;

/// <summary>Why the bot takes a turn.</summary>
internal enum BotTurnKind
{
    /// <summary>A conversation was started (or a client announced itself): greet once.</summary>
    ConversationStarted,

    /// <summary>The citizen sent a message.</summary>
    Message,
}
