namespace ConversationHub.Bot.Engine;

/// <summary>
/// One turn for the bot, queued after the citizen's activity is in the transcript. It names the stored activity; the
/// worker reads the text from the transcript, so no citizen text waits in memory longer than the turn.
/// </summary>
internal sealed record BotTurn(BotTurnKind Kind, Guid ConversationId, long Sequence);
