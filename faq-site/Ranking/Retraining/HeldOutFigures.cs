namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>
/// One model's figures on a run's held-out judgements: nDCG@10 (how good the top ten's order is), MRR@10 (how high the
/// first relevant FAQ comes) and Hit@1 (how often the first FAQ is the answer).
/// </summary>
public sealed record HeldOutFigures(double Ndcg10, double Mrr10, double Hit1);
