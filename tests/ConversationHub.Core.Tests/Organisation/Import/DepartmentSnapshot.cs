namespace ConversationHub.Core.Tests.Organisation.Import;

/// <summary>A stored department in CSV terms (parent by code), for comparing the table before and after an import.</summary>
public sealed record DepartmentSnapshot(
    string Code,
    string Name,
    string Kana,
    string? ParentCode,
    string? Email,
    string? Extension,
    bool IsActive,
    DateTime UpdatedAtUtc);
