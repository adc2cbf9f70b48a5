namespace ConversationHub.Faq.Ranking;

/// <summary>One train/validation pair of a query-level split; no query appears in both.</summary>
internal sealed record RankingDatasetFold(int Fold, RankingDataset Training, RankingDataset Validation);
