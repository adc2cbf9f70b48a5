using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// Turns waiting for the <see cref="BotTurnWorker"/>. Channel adapters enqueue after the transcript write and
/// return at once, so a slow answer never holds up the citizen's POST (STYLE 12).
/// </summary>
/// <remarks>
/// The queue is only the fast path. The transcript is the record: an inbound activity is stored with a pending
/// turn, so a turn dropped here (the node stopped, the queue was full) is found again by
/// <see cref="AnswerPendingTurnsService"/> on some node, and the worker's claim makes a turn queued twice run once.
/// PERF: turns are split into <see cref="BotTurnOptions.Concurrency"/> partitions by conversation, each taken one at
/// a time, so turns of different conversations overlap (one turn's database waits no longer hold up every citizen)
/// while the turns of one conversation stay in order and never overlap.
/// </remarks>
internal sealed class BotTurnQueue
{
    private const int Capacity = 10_000;
    private readonly Channel<BotTurn>[] _partitions;

    public BotTurnQueue(IOptions<BotTurnOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var count = Math.Max(1, options.Value.Concurrency);
        _partitions = [.. Enumerable.Range(0, count).Select(_ => Channel.CreateBounded<BotTurn>(new BoundedChannelOptions(Capacity / count)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropOldest,
        }))];
    }

    /// <summary>One reader per partition; the worker takes each partition's turns one at a time.</summary>
    public IReadOnlyList<ChannelReader<BotTurn>> Readers => [.. _partitions.Select(p => p.Reader)];

    public void Enqueue(BotTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        _partitions[(turn.ConversationId.GetHashCode() & int.MaxValue) % _partitions.Length].Writer.TryWrite(turn);
    }
}
