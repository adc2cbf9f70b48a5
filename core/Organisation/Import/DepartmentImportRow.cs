namespace ConversationHub.Core.Organisation.Import;

/// <summary>
/// A valid, normalised row ready to be written. Email, extension and active are null both when the cell is empty
/// and when the column is absent; <see cref="DepartmentCsvDocument.Has"/> tells the two apart.
/// </summary>
internal sealed record DepartmentImportRow(
    int Line,
    string Code,
    string Name,
    string Kana,
    string? ParentCode,
    string? Email,
    string? Extension,
    bool IsActive);
