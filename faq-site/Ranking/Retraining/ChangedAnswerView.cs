namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>A changed first answer with each FAQ's question (null when the FAQ was deleted since).</summary>
internal sealed record ChangedAnswerView(
    string Query, Guid? BeforeFaqId, string? BeforeQuestion, int BeforeGrade, Guid? AfterFaqId, string? AfterQuestion, int AfterGrade, bool HeldOut)
{
    public static ChangedAnswerView From(ChangedFirstAnswer row, IReadOnlyDictionary<Guid, string> questions)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(questions);
        return new(
            row.Query,
            row.BeforeFaqId,
            row.BeforeFaqId is { } before ? questions.GetValueOrDefault(before) : null,
            row.BeforeGrade,
            row.AfterFaqId,
            row.AfterFaqId is { } after ? questions.GetValueOrDefault(after) : null,
            row.AfterGrade,
            row.HeldOut);
    }
}
