namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>What started a training run. Stored lower-case.</summary>
public enum TrainingRunTrigger
{
    /// <summary>An editor pressed the button in the retraining console (or called the API).</summary>
    Console,

    /// <summary>The daily schedule (<c>FaqRanking:TrainingSchedule</c>).</summary>
    Schedule,
}
