namespace ConversationHub.Handoff.Cases;

/// <summary>Why a case command did nothing.</summary>
public enum CaseError
{
    /// <summary>No such case (or reply).</summary>
    NotFound,

    /// <summary>The caller may not see or do this.</summary>
    Forbidden,

    /// <summary>Fields are invalid (see the errors).</summary>
    Invalid,

    /// <summary>Someone else changed the case since it was read (stale version).</summary>
    Stale,

    /// <summary>The case's status does not allow it.</summary>
    WrongStatus,
}

/// <summary>The result of a case command: the case, or why nothing changed.</summary>
internal sealed record CaseOutcome(CaseRecord? Case, CaseError? Error, IReadOnlyDictionary<string, string[]>? Errors = null, string? Message = null)
{
    public bool Succeeded => Error is null;

    public static CaseOutcome Ok(CaseRecord record) => new(record, null);

    public static CaseOutcome Fail(CaseError error, string? message = null) => new(null, error, null, message);

    public static CaseOutcome Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, CaseError.Invalid, errors);
}
