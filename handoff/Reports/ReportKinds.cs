namespace ConversationHub.Handoff.Reports;

/// <summary>The report types (stored in <c>generated_reports.Kind</c>; never rename one without a migration).</summary>
internal static class ReportKinds
{
    /// <summary>日次報告: a working day and the closed days before it.</summary>
    public const string Daily = "daily";

    /// <summary>月次報告: a calendar month.</summary>
    public const string Monthly = "monthly";

    /// <summary>完了報告: the monthly tables of a span of months.</summary>
    public const string Final = "final";
}
