using ConversationHub.Core.Calendar;

namespace ConversationHub.Handoff.Programs.Administration;

/// <summary>One monthly rule row: the n-th weekday of each month and its hours.</summary>
internal sealed class MonthlyRuleForm
{
    public WeekOfMonth? Week { get; set; }

    public DayOfWeek? DayOfWeek { get; set; }

    public string? Hours { get; set; }

    public bool OpenOnHolidays { get; set; }

    /// <summary>Whether the row was left empty (ignored).</summary>
    public bool IsBlank => Week is null && DayOfWeek is null && string.IsNullOrWhiteSpace(Hours);
}
