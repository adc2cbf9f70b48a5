using ConversationHub.Core.Events;

namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>Wakes this node's <see cref="TrainingRunnerService"/> when a run is queued on any node.</summary>
internal sealed class TrainingRunSignal : WorkSignal;
