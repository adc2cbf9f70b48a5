using System.Threading.Channels;
using ConversationHub.VoiceBridge.Acs.Events;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>
/// Hands webhook work from the request (which records it and acknowledges) to <see cref="VoiceWorkDispatcher"/>. The
/// event is also in the database until handled, so a node that stops between the two loses nothing:
/// <see cref="VoiceEventRecovery"/> on another node takes it over.
/// </summary>
internal sealed class VoiceWorkQueue
{
    private readonly Channel<VoiceWorkItem> _channel = Channel.CreateUnbounded<VoiceWorkItem>(new UnboundedChannelOptions { SingleReader = false });

    public void Enqueue(IncomingCall call) => _channel.Writer.TryWrite(new VoiceWorkItem(Persistence.VoiceEventLedger.EventGrid, call.EventId, call));

    public void Enqueue(AcsCallEvent callEvent) => _channel.Writer.TryWrite(new VoiceWorkItem(Persistence.VoiceEventLedger.Callback, callEvent.EventId, callEvent));

    public void Enqueue(ScopedVoiceWork work) => _channel.Writer.TryWrite(new VoiceWorkItem(null, null, work));

    internal ChannelReader<VoiceWorkItem> Reader => _channel.Reader;
}

/// <summary>
/// Work to do: an event with its ledger key (<see cref="IncomingCall"/> or <see cref="AcsCallEvent"/>), or other per-call
/// work (<see cref="ScopedVoiceWork"/>, no key).
/// </summary>
internal sealed record VoiceWorkItem(string? Source, string? EventId, object Event);
