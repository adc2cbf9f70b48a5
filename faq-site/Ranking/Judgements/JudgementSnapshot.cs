namespace ConversationHub.Faq.Ranking.Judgements;

/// <summary>
/// A frozen view of the judgements for a training run: every judgement with an id up to
/// <see cref="MaxJudgementId"/>, whose SHA-256 is <see cref="ContentHash"/>. Judgements are append-only, so the
/// same snapshot always reads the same rows and a model card's hash can be checked later.
/// </summary>
public sealed class JudgementSnapshot
{
    public JudgementSnapshot(long maxJudgementId, int judgementCount, string contentHash, Guid? createdByUserId, DateTime createdAtUtc)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        MaxJudgementId = maxJudgementId;
        JudgementCount = judgementCount;
        ContentHash = contentHash;
        CreatedByUserId = createdByUserId;
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }

    public long MaxJudgementId { get; private set; }

    public int JudgementCount { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the judgements in id order (<see cref="JudgementHash"/>).</summary>
    public string ContentHash { get; private set; }

    public Guid? CreatedByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
}
