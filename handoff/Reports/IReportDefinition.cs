namespace ConversationHub.Handoff.Reports;

/// <summary>
/// One report type: what it covers and how its tables are built. Pages, exports and the schedule ask the definition
/// for a <see cref="ReportDocument"/>; no page holds a query of its own.
/// </summary>
internal interface IReportDefinition
{
    /// <summary>A <see cref="ReportKinds"/> name.</summary>
    string Kind { get; }

    /// <summary>The report of <paramref name="period"/> as <paramref name="viewer"/> may see it.</summary>
    Task<ReportDocument> BuildAsync(ReportPeriod period, ReportViewer viewer, CancellationToken cancellationToken);
}
