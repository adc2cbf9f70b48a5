namespace ConversationHub.Bot.Engine;

/// <summary>
/// Lets a channel outside this module (the phone, in voice-bridge) ask the bot to answer an inbound message it has
/// stored as <see cref="Core.Conversations.Domain.TurnState.Pending"/>, at once rather than at the next sweep of
/// unanswered turns, exactly as the bot's own channels queue their turns.
/// </summary>
public sealed class BotTurnRequests
{
    private readonly BotTurnQueue _queue;

    internal BotTurnRequests(BotTurnQueue queue) => _queue = queue;

    /// <summary>Queues the bot's turn on the inbound message at <paramref name="sequence"/> of the conversation.</summary>
    public void RequestAnswer(Guid conversationId, long sequence) => _queue.Enqueue(new BotTurn(BotTurnKind.Message, conversationId, sequence));
}
