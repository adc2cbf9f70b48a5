namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>The reservations' schedule (section <c>Programs:Reservations</c>): the morning ledger and the reminders.</summary>
internal sealed class ReservationOptions
{
    public const string SectionName = "Programs:Reservations";

    /// <summary>Whether this node runs the sweeps (every node may; each ledger and reminder is made once across nodes).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The Japan time of day after which the previous day's ledger (交付予約受付簿) is made.</summary>
    public TimeSpan LedgerAt { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The Japan time of day after which tomorrow's reservations are reminded.</summary>
    public TimeSpan ReminderAt { get; set; } = TimeSpan.FromHours(10);

    /// <summary>How often a node looks for due work.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(5);
}
