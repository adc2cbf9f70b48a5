using ConversationHub.Core.Conversations.Domain;

namespace ConversationHub.Handoff.Survey;

/// <summary>
/// The survey offered at the end of one conversation (<c>handoff_survey_sessions</c>): which definition version it
/// follows, the state, and the next item awaited. Nodes move it only by conditional updates on
/// (<see cref="State"/>, <see cref="NextItem"/>, <see cref="LastSequence"/>), so each answer is taken exactly once.
/// </summary>
internal sealed class SurveySession
{
    public SurveySession(Guid conversationId, int version, ConversationChannel channel, Guid? agentId, DateTime offeredAtUtc)
    {
        ConversationId = conversationId;
        Version = version;
        Channel = channel;
        AgentId = agentId;
        OfferedAtUtc = offeredAtUtc;
    }

    public Guid ConversationId { get; private set; }

    /// <summary>The definition version the survey was offered on; its answers keep it.</summary>
    public int Version { get; private set; }

    public ConversationChannel Channel { get; private set; }

    public Guid? AgentId { get; private set; }

    public SurveySessionState State { get; set; }

    /// <summary>Index of the item awaited, in the version's order.</summary>
    public int NextItem { get; set; }

    /// <summary>Transcript sequence of the last citizen message taken as an answer (0: none yet).</summary>
    public long LastSequence { get; set; }

    public DateTime OfferedAtUtc { get; private set; }

    public DateTime? ConsentedAtUtc { get; set; }

    public DateTime? EndedAtUtc { get; set; }
}
