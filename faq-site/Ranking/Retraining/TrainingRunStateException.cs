namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>An illegal move of a training run's status ("from X to Y").</summary>
public sealed class TrainingRunStateException(string message) : InvalidOperationException(message);
