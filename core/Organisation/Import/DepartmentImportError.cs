namespace ConversationHub.Core.Organisation.Import;

/// <summary>One problem found in an organisation CSV.</summary>
/// <param name="Line">
/// The 1-based physical line of the file where the offending record starts (the header is line 1); a value that
/// spans lines inside quotes is reported at its record's first line. Null when the problem concerns the whole file.
/// </param>
/// <param name="Column">
/// The canonical column name (<c>code</c>, <c>name</c>, <c>kana</c>, <c>parent_code</c>, <c>email</c>,
/// <c>extension</c>, <c>active</c>), whatever the header called it; null when no single column is at fault.
/// </param>
/// <param name="Code">A stable machine-readable code from <see cref="DepartmentImportErrorCodes"/>.</param>
/// <param name="Message">A Japanese message for the administrator who prepared the file.</param>
public sealed record DepartmentImportError(int? Line, string? Column, string Code, string Message);
