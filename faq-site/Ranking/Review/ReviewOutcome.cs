namespace ConversationHub.Faq.Ranking.Review;

/// <summary>
/// What a decision in the review queue did. <see cref="Errors"/> are keyed by field, in English for API callers;
/// the page shows its own Japanese message per key.
/// </summary>
/// <param name="Groups">Groups decided.</param>
/// <param name="Rows">Candidate judgements or search misses decided.</param>
/// <param name="FaqId">The FAQ the decision wrote or pointed to, when there is one (a draft made from a miss).</param>
internal sealed record ReviewOutcome(ReviewOutcomeKind Kind, int Groups, int Rows, Guid? FaqId, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly Dictionary<string, string[]> NoErrors = new(StringComparer.Ordinal);

    public static ReviewOutcome Done(int groups, int rows, Guid? faqId = null) => new(ReviewOutcomeKind.Done, groups, rows, faqId, NoErrors);

    public static ReviewOutcome Invalid(string field, string message) =>
        new(ReviewOutcomeKind.Invalid, 0, 0, null, new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    public static ReviewOutcome Invalid(IReadOnlyDictionary<string, string[]> errors) => new(ReviewOutcomeKind.Invalid, 0, 0, null, errors);

    public static readonly ReviewOutcome NotFound = new(ReviewOutcomeKind.NotFound, 0, 0, null, NoErrors);

    public static readonly ReviewOutcome AlreadyDecided = new(ReviewOutcomeKind.AlreadyDecided, 0, 0, null, NoErrors);
}
