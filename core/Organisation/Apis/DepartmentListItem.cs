namespace ConversationHub.Core.Organisation.Apis;

/// <summary>A department as <c>GET /api/org/departments</c> lists it, in the CSV's terms (parent by code).</summary>
internal sealed record DepartmentListItem(
    string Code,
    string Name,
    string Kana,
    string? ParentCode,
    string? Email,
    string? Extension,
    bool Active);
