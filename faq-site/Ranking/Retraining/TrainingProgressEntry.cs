namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>
/// One progress step of a run as the console shows it: member <see cref="Member"/> of <see cref="Of"/> trained, with
/// its trees and its nDCG@10 on the queries it was early-stopped on (validation).
/// </summary>
public sealed record TrainingProgressEntry(int Member, int Of, int Trees, double ValidationNdcg, DateTime AtUtc);
