namespace ConversationHub.Handoff.Reports;

/// <summary>
/// A report as tables, the one shape that the pages, the CSV and the .xlsx exports and the stored copies all read: a
/// report definition builds it, nothing downstream computes figures.
/// </summary>
/// <param name="Kind">A <see cref="ReportKinds"/> name.</param>
/// <param name="Title">The report's title (日次報告 …).</param>
/// <param name="Period">The period it covers.</param>
/// <param name="Tables">Its tables, in reading order.</param>
internal sealed record ReportDocument(string Kind, string Title, ReportPeriod Period, IReadOnlyList<ReportTable> Tables)
{
    /// <summary>The table named <paramref name="key"/>, or null.</summary>
    public ReportTable? Table(string key) => Tables.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.Ordinal));
}

/// <summary>One table of a report.</summary>
/// <param name="Key">Its stable name (the HTML id, the sheet's order).</param>
/// <param name="Caption">Its caption (the sheet name, shortened).</param>
/// <param name="RowHeader">The header of the row-head column.</param>
/// <param name="Columns">The other columns' headers.</param>
/// <param name="Rows">The rows.</param>
/// <param name="Total">The totals row, or null.</param>
/// <param name="Note">A footnote that says how a figure is defined, or null.</param>
internal sealed record ReportTable(
    string Key, string Caption, string RowHeader, IReadOnlyList<string> Columns, IReadOnlyList<ReportLine> Rows, ReportLine? Total = null, string? Note = null);

/// <summary>
/// One row: its head and a cell per column. A cell is an <see cref="int"/>, a <see cref="decimal"/> ratio (0–1, shown
/// as a percentage), a <see cref="string"/>, or null: not recorded or no data, shown empty, never as 0.
/// </summary>
internal sealed record ReportLine(string Head, IReadOnlyList<object?> Cells);
