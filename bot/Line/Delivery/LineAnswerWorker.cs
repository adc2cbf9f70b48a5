using System.Threading.Channels;
using ConversationHub.Bot.Engine;
using ConversationHub.Core.Conversations.Domain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Line.Delivery;

/// <summary>
/// Sends a LINE conversation's answer as soon as the bot's turn has committed it: the turn tells this worker
/// (<see cref="IBotAnswerListener"/>) with the conversation's id, and the worker sends through the
/// <see cref="LineOutbox"/>, under the conversation's lease, at once.
/// </summary>
/// <remarks>
/// Why: the sweep alone put the delivery batch window and a serial pass over every conversation between the answer
/// and LINE, about half a second or more for each citizen, while the turn is the one place that knows its answer is
/// whole. One reply call per turn still holds: the whole answer is in the transcript when the signal comes, and the
/// sender skips the batch window only for such an answer (see <see cref="LineDeliverySender"/>).
/// The signal is in-process and may be dropped (a full queue, a node that stops): the transcript's pending state
/// stays the record, and the sweep sends what a dropped signal left behind.
/// PERF: a few senders side by side, so one slow LINE call does not hold up the other citizens' answers.
/// </remarks>
internal sealed class LineAnswerWorker(LineOutbox outbox, IOptionsMonitor<LineChannelOptions> options) : BackgroundService, IBotAnswerListener
{
    private const int Senders = 4;
    private const int Capacity = 10_000;

    private readonly Channel<Guid> _answered = Channel.CreateBounded<Guid>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest });

    public void OnAnswerCommitted(Guid conversationId, ConversationChannel channel)
    {
        if (channel == ConversationChannel.Line && options.CurrentValue.Enabled)
        {
            _answered.Writer.TryWrite(conversationId);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.CurrentValue.Enabled
            ? Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => SendAnswersAsync(stoppingToken)))
            : Task.CompletedTask;

    private async Task SendAnswersAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var conversationId in _answered.Reader.ReadAllAsync(stoppingToken))
            {
                // The outbox logs a conversation that fails; the next answer still goes.
                await outbox.SendAsync(conversationId, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what was not sent stays pending in the transcript for the sweep.
        }
    }
}
