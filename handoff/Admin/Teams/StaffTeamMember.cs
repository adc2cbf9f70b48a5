namespace ConversationHub.Handoff.Admin.Teams;

/// <summary>One staff member's membership of one team.</summary>
internal sealed class StaffTeamMember(Guid teamId, Guid userId)
{
    public Guid TeamId { get; private set; } = teamId;

    public Guid UserId { get; private set; } = userId;
}
