namespace ConversationHub.Handoff.Programs.Rosters;

/// <summary>
/// A household of a roster version. Its personal fields are encrypted; its members (the head first, then the children)
/// are one encrypted JSON list of <see cref="RosterMember"/>. Rows are written in bulk by <see cref="ImportRoster"/>.
/// </summary>
internal sealed class RosterHousehold
{
    public const int MaxHashLength = 80;

    public Guid Id { get; set; }

    public Guid ImportId { get; set; }

    public Guid ProgramId { get; set; }

    /// <summary>The line of the roster file it came from (for the administrator's questions to the city).</summary>
    public int RowNumber { get; set; }

    /// <summary>The head's look-up hash: a new roster version takes over the household's statuses through it.</summary>
    public string HeadHash { get; set; } = "";

    /// <summary>The look-up hash of <see cref="HouseholdNumber"/>, for status files that name households by number.</summary>
    public string? NumberHash { get; set; }

    /// <summary>The number the city gave the household, if any (encrypted).</summary>
    public string? HouseholdNumber { get; set; }

    /// <summary>Encrypted.</summary>
    public string PostalCode { get; set; } = "";

    /// <summary>Encrypted.</summary>
    public string Address { get; set; } = "";

    /// <summary>The members as a JSON list of <see cref="RosterMember"/> (encrypted).</summary>
    public string Members { get; set; } = "[]";

    /// <summary>The latest delivery status; null before any.</summary>
    public RosterDeliveryStatus? Status { get; set; }

    /// <summary>The day of <see cref="Status"/>.</summary>
    public DateOnly? StatusOn { get; set; }

    /// <summary>The day the household declined (辞退届); null when it has not.</summary>
    public DateOnly? DeclinedOn { get; set; }

    public DateTime? DeclinedAtUtc { get; set; }

    /// <summary>The staff id of the agent who took the declination.</summary>
    public string? DeclinedBy { get; set; }
}

/// <summary>A member of a household as kept in <see cref="RosterHousehold.Members"/>.</summary>
/// <param name="Head">Whether the member is the household's head (the roster's addressee).</param>
internal sealed record RosterMember(bool Head, string Name, DateOnly BirthDate);

/// <summary>Where a household's delivery stands, as the city's status files say.</summary>
internal enum RosterDeliveryStatus
{
    /// <summary>配達済み.</summary>
    Delivered,

    /// <summary>返戻: returned undelivered.</summary>
    Returned,

    /// <summary>再送付: sent again after a return.</summary>
    Resent,
}
