namespace ConversationHub.Handoff.Reports;

/// <summary>The reports' settings (section <c>Reports</c>): the contract's service levels and the generation schedule.</summary>
internal sealed class ReportOptions
{
    public const string SectionName = "Reports";

    /// <summary>The SLA targets, as shares from 0 to 1.</summary>
    public SlaTargets Sla { get; set; } = new();

    /// <summary>When the reports are made and kept.</summary>
    public ReportSchedule Schedule { get; set; } = new();
}

/// <summary>The contract's service levels (月間), as shares from 0 (exclusive) to 1.</summary>
internal sealed class SlaTargets
{
    /// <summary>応答率: answered ÷ (answered + abandoned).</summary>
    public decimal AnswerRate { get; set; } = 0.90m;

    /// <summary>一次解決率: answered contacts not escalated to a department.</summary>
    public decimal FirstContactResolution { get; set; } = 0.85m;

    /// <summary>10秒以内応答率: answered within 10 s ÷ answered (contacts turned away with the congestion message excluded).</summary>
    public decimal AnsweredWithin10s { get; set; } = 0.95m;

    /// <summary>稼働率: the platform's availability from its own heartbeats.</summary>
    public decimal Availability { get; set; } = 0.995m;
}

/// <summary>When the scheduled reports are made.</summary>
internal sealed class ReportSchedule
{
    /// <summary>Whether this node makes them (every node may; one run per report across nodes).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The Japan time of day after which the daily report of yesterday is made.</summary>
    public TimeSpan DailyAt { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The working day of the month (1 = the first) on which the previous month's report is made.</summary>
    public int MonthlyWorkingDay { get; set; } = 5;

    /// <summary>How often a node looks for a report that is due.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(5);
}
