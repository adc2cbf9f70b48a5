namespace ConversationHub.Bot.Line.Handoff;

/// <summary>What the citizen is told about a person taking over or leaving.</summary>
internal enum LineHandoffNotice
{
    AgentJoined,
    AgentLeft,
}
