using ConversationHub.Core.Conversations.Domain;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// Told, on the node that took the turn, that the bot's whole answer to it is in the transcript: the turn writes its
/// messages in one transaction (<see cref="BotActivityWriter.CommitAsync"/>), so at this moment the answer is
/// complete. A push channel (LINE) sends it at once rather than waiting to see whether more messages follow.
/// </summary>
/// <remarks>
/// Called inline right after the commit, before the turn's after-commit work: an implementation only notes the
/// conversation and returns (no I/O), and does not throw. It is a hint, not the record: the transcript's pending
/// deliveries are, so a hint lost with its node leaves the answer to the channel's sweep.
/// </remarks>
internal interface IBotAnswerListener
{
    void OnAnswerCommitted(Guid conversationId, ConversationChannel channel);
}
