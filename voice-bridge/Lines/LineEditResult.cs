using ConversationHub.VoiceBridge.Persistence;

namespace ConversationHub.VoiceBridge.Lines;

/// <summary>What became of an edit of a line. Anything but <see cref="LineEditOutcome.Saved"/> changed nothing.</summary>
internal enum LineEditOutcome
{
    Saved,
    Invalid,
    NotFound,
    Stale,
    Duplicate,
}

/// <summary>The outcome, the line as saved (<see cref="LineEditOutcome.Saved"/>) or the field errors (<see cref="LineEditOutcome.Invalid"/>).</summary>
internal sealed record LineEditResult(LineEditOutcome Outcome, VoiceLine? Line = null, Dictionary<string, string[]>? Errors = null)
{
    public static LineEditResult Invalid(string field, string message) =>
        new(LineEditOutcome.Invalid, Errors: new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });
}
