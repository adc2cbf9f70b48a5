namespace ConversationHub.Faq.KnowledgeBase.Editing;

/// <summary>The outcome of an edit: saved (with the new revision), invalid (messages per field), missing, or a conflict.</summary>
public sealed record FaqEditResult(FaqEditOutcome Outcome, Guid FaqId, int Revision, IReadOnlyDictionary<string, string[]> Errors)
{
    internal static FaqEditResult Saved(Guid id, int revision) => new(FaqEditOutcome.Saved, id, revision, new Dictionary<string, string[]>());

    internal static FaqEditResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(FaqEditOutcome.Invalid, Guid.Empty, 0, errors);

    internal static FaqEditResult NotFound(Guid id) => new(FaqEditOutcome.NotFound, id, 0, new Dictionary<string, string[]>());

    internal static FaqEditResult Forbidden(Guid id) => new(FaqEditOutcome.Forbidden, id, 0, new Dictionary<string, string[]>());

    internal static FaqEditResult Conflict(Guid id, int current) => new(FaqEditOutcome.Conflict, id, current, new Dictionary<string, string[]>());
}

/// <summary>See <see cref="FaqEditResult"/>.</summary>
public enum FaqEditOutcome
{
    Saved,
    Invalid,
    NotFound,
    Conflict,

    /// <summary>The editor may not change this FAQ (department staff and an FAQ of another department).</summary>
    Forbidden,
}
