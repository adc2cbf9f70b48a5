namespace ConversationHub.Handoff.Admin.Teams;

/// <summary>
/// A team or group of staff (チーム・グループ). A team is a skill group: its name is the routing category its agents take,
/// so a chat transferred to the team goes to its members (see <see cref="TeamDirectory"/>), and cases name it as their
/// assignee team.
/// </summary>
internal sealed class StaffTeam
{
    /// <summary>The longest name; the same as a routing category's.</summary>
    public const int MaxNameLength = 100;

    // For EF Core.
    private StaffTeam()
    {
        Name = "";
    }

    public StaffTeam(string name, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        Name = name;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public string Name { get; set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; set; }
}
