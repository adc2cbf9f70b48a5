namespace ConversationHub.Core.Organisation.Import;

/// <summary>What <see cref="DepartmentCsvParser"/> read: the data records, the optional columns present, and file-level errors.</summary>
internal sealed record DepartmentCsvDocument(
    IReadOnlyList<DepartmentCsvRow> Rows,
    IReadOnlySet<string> Columns,
    IReadOnlyList<DepartmentImportError> Errors)
{
    /// <summary>Whether the header has the column; an optional column that is absent leaves stored values alone.</summary>
    public bool Has(DepartmentCsvColumn column) => Columns.Contains(column.Name);
}
