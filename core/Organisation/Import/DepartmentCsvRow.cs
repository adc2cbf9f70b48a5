namespace ConversationHub.Core.Organisation.Import;

/// <summary>
/// One data record as read from the file: trimmed cell text per column, before normalisation and validation.
/// A value is null when its column is not in the header, and empty when the cell is empty.
/// </summary>
internal sealed record DepartmentCsvRow(
    int Line,
    string? Code,
    string? Name,
    string? Kana,
    string? ParentCode,
    string? Email,
    string? Extension,
    string? Active);
