namespace ConversationHub.Handoff.Programs.Rosters;

/// <summary>
/// One member's look-up hash (<see cref="RosterKeys.Member"/>) pointing at its household. Keyed by import first, so a
/// look-up is one index seek within the active roster and a replaced roster's keys go with one range delete.
/// </summary>
internal sealed class RosterMemberKey
{
    public Guid ImportId { get; set; }

    public string Hash { get; set; } = "";

    public Guid HouseholdId { get; set; }
}
