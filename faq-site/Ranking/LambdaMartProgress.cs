namespace ConversationHub.Faq.Ranking;

/// <summary>One boosting round done: the mean nDCG@k on the training and (when given) validation queries.</summary>
internal readonly record struct LambdaMartProgress(int Iteration, int TreeCount, double TrainingNdcg, double? ValidationNdcg);
