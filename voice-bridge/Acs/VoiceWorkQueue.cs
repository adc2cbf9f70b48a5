using System.Threading.Channels;
using ConversationHub.VoiceBridge.Acs.Events;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>
/// Hands webhook work from the request (which only records and acknowledges) to <see cref="VoiceWorkDispatcher"/>.
/// In memory: a node that stops between the acknowledgement and the handler loses that item (the id is already recorded).
/// </summary>
internal sealed class VoiceWorkQueue
{
    private readonly Channel<object> _channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = false });

    public void Enqueue(IncomingCall call) => _channel.Writer.TryWrite(call);

    public void Enqueue(AcsCallEvent callEvent) => _channel.Writer.TryWrite(callEvent);

    public void Enqueue(ScopedVoiceWork work) => _channel.Writer.TryWrite(work);

    internal ChannelReader<object> Reader => _channel.Reader;
}
