using ConversationHub.Faq.Ranking.Judgements;

namespace ConversationHub.Faq.Ranking.Review;

/// <summary>
/// An editor's decision on candidate groups: accept at grade 1 (関連あり) or 2 (回答している), reject (grade 0), or
/// reassign: the query belongs to <see cref="ReassignToFaqId"/> at <see cref="Grade"/>, not to the candidates' FAQ.
/// </summary>
internal sealed record ReviewDecision(int Grade, Guid? ReassignToFaqId = null)
{
    public static ReviewDecision Accept(int grade = RankingJudgement.MaxGrade) => new(grade);

    public static readonly ReviewDecision Reject = new(0);

    public static ReviewDecision Reassign(Guid faqId, int grade = RankingJudgement.MaxGrade) => new(grade, faqId);

    /// <summary>The grade written on each candidate: a reassigned candidate is rejected for its own FAQ.</summary>
    public int CandidateGrade => ReassignToFaqId is null ? Grade : 0;
}
