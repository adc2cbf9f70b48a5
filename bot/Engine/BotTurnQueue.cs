using System.Threading.Channels;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// Turns waiting for the <see cref="BotTurnWorker"/>. Channel adapters enqueue after the transcript write and
/// return at once, so a slow answer never holds up the citizen's POST (STYLE 12).
/// </summary>
/// <remarks>
/// TODO(issue 5 follow-up): the queue is in memory; a turn queued when the node stops is lost (the citizen's message
/// is kept). A sweep of unanswered inbound activities will replay them.
/// </remarks>
internal sealed class BotTurnQueue
{
    private readonly Channel<BotTurn> _turns = Channel.CreateBounded<BotTurn>(new BoundedChannelOptions(10_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.DropOldest,
    });

    public ChannelReader<BotTurn> Reader => _turns.Reader;

    public void Enqueue(BotTurn turn) => _turns.Writer.TryWrite(turn);
}
