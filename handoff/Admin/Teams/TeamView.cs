namespace ConversationHub.Handoff.Admin.Teams;

/// <summary>A team with its members' ids.</summary>
internal sealed record TeamView(Guid Id, string Name, IReadOnlyList<Guid> Members);
