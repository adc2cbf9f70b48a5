using System.Globalization;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.Conversations.Domain;

namespace ConversationHub.Core.ContactEvents.Services;

/// <summary>
/// The contact events of a conversation's owner transitions, each carrying the conversation's program, which the conversation store writes in the transaction
/// that saves the transition. Source keys name the conversation (one hand-off, one first answer, one end per
/// conversation) or, for transfers, the conversation's version after the transfer, so a retried save adds nothing.
/// </summary>
internal static class ConversationContactEvents
{
    /// <summary>
    /// Whether a conversation of <paramref name="channel"/> arrives with its first message from the citizen rather than
    /// when it starts. Web Chat starts a conversation when the widget gets its token and LINE when a citizen adds the
    /// account as a friend, neither of which is a contact; a call or a mail is one in itself.
    /// </summary>
    public static bool ArrivesWithFirstMessage(ConversationChannel channel) => channel is ConversationChannel.WebChat or ConversationChannel.Line;

    public static ContactEvent Arrived(Guid conversationId, ConversationChannel channel, Guid? programId, DateTime atUtc) =>
        new(Key("arrived", conversationId), ContactEventKind.Arrived, ContactChannels.Of(channel), atUtc)
        {
            ConversationId = conversationId,
            ProgramId = programId,
        };

    public static List<ContactEvent> Of(Conversation conversation)
    {
        var raised = conversation.Events;
        var result = new List<ContactEvent>(raised.Count);
        for (var i = 0; i < raised.Count; i++)
        {
            // Each transition raised one event and added one to the version, so event i was raised at this version.
            var version = conversation.Version - (raised.Count - 1 - i);
            if (Map(conversation, raised[i], version) is { } contactEvent)
            {
                result.Add(contactEvent);
            }
        }

        return result;
    }

    private static ContactEvent? Map(Conversation c, ConversationEvent raised, int version) => raised switch
    {
        HandoffRequested h => new(Key("handed_off", c.Id), ContactEventKind.HandedOff, ContactChannels.Of(c.Channel), c.UpdatedAtUtc)
        {
            ConversationId = c.Id,
            ProgramId = c.ProgramId,
            Category = ContactEventCodes.Cut(h.Category),
        },
        // A return to an agent after a requeue is not a second answer: the contact was answered once.
        AgentAssigned { FirstAnswer: true } a => new(Key("answered", c.Id), ContactEventKind.Answered, ContactChannels.Of(c.Channel), c.UpdatedAtUtc)
        {
            ConversationId = c.Id,
            ProgramId = c.ProgramId,
            AgentId = a.AgentId,
            WaitMs = a.WaitMs,
        },
        ConversationTransferred t => new(Key("transferred", c.Id) + ":" + version.ToString(CultureInfo.InvariantCulture), ContactEventKind.Transferred, ContactChannels.Of(c.Channel), c.UpdatedAtUtc)
        {
            ConversationId = c.Id,
            ProgramId = c.ProgramId,
            AgentId = t.ToAgentId,
        },
        ConversationEnded { FinalOwner: ConversationOwner.Abandoned } e => new(Key("abandoned", c.Id), ContactEventKind.Abandoned, ContactChannels.Of(c.Channel), c.UpdatedAtUtc)
        {
            ConversationId = c.Id,
            ProgramId = c.ProgramId,
            WaitMs = e.WaitMs,
        },
        ConversationEnded { FinalOwner: ConversationOwner.Closed, AgentId: { } agentId } e => new(Key("closed", c.Id), ContactEventKind.Closed, ContactChannels.Of(c.Channel), c.UpdatedAtUtc)
        {
            ConversationId = c.Id,
            ProgramId = c.ProgramId,
            AgentId = agentId,
            WrapUpCode = ContactEventCodes.Cut(e.WrapUpCode),
        },
        _ => null,
    };

    private static string Key(string what, Guid conversationId) => what + ":" + conversationId.ToString("N");
}
