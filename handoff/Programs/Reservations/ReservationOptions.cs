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

    /// <summary>How often a node looks for LINE and SMS notices to send or retry.</summary>
    public TimeSpan NoticePollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after a notice's first failed attempt; each further failure doubles it, up to an hour.</summary>
    public TimeSpan NoticeFirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts after which a notice is Failed and shown on the reservations page.</summary>
    public int NoticeMaxAttempts { get; set; } = 6;

    /// <summary>How long a node holds a notice it is sending; after that another node may send it (with the same notice id).</summary>
    public TimeSpan NoticeLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after <paramref name="attempts"/> failed attempts: 1, 2, 4 … times the first delay, at most an hour.</summary>
    internal TimeSpan NoticeRetryDelay(int attempts) =>
        TimeSpan.FromTicks((long)Math.Min(NoticeFirstRetryDelay.Ticks * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30)), Math.Max(TimeSpan.FromHours(1).Ticks, NoticeFirstRetryDelay.Ticks)));
}
