using System.Threading.Channels;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// Turns waiting for the <see cref="BotTurnWorker"/>. Channel adapters enqueue after the transcript write and
/// return at once, so a slow answer never holds up the citizen's POST (STYLE 12).
/// </summary>
/// <remarks>
/// The queue is only the fast path. The transcript is the record: an inbound activity is stored with a pending
/// turn, so a turn dropped here (the node stopped, the queue was full) is found again by
/// <see cref="AnswerPendingTurnsService"/> on some node, and the worker's claim makes a turn queued twice run once.
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
