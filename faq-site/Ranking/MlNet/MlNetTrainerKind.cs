namespace ConversationHub.Faq.Ranking.MlNet;

/// <summary>Which of ML.NET's LambdaRank trainers fits the tree ensemble.</summary>
internal enum MlNetTrainerKind
{
    /// <summary><c>mlContext.Ranking.Trainers.LightGbm</c> (Microsoft.ML.LightGbm).</summary>
    LightGbm,

    /// <summary><c>mlContext.Ranking.Trainers.FastTree</c> (Microsoft.ML.FastTree).</summary>
    FastTree,
}
