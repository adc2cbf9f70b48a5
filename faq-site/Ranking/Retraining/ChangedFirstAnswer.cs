namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>
/// A judged query whose first answer differs between the active model (or first-stage order) and the new one.
/// <see cref="Query"/> is the latest masked wording of a judged query (a citizen's or an editor's), so the list is
/// encrypted at rest.
/// Grades are the judged grade of each first answer (2 answers the query, 1 relevant, 0 not judged relevant).
/// </summary>
public sealed record ChangedFirstAnswer(string Query, Guid? BeforeFaqId, int BeforeGrade, Guid? AfterFaqId, int AfterGrade, bool HeldOut);
