using ConversationHub.Faq.Ranking.Features;

namespace ConversationHub.Faq.Ranking.Reranking;

/// <summary>Loads the configured model, naming the setting in every failure so an operator knows what to fix.</summary>
internal static class FaqRankingModelFile
{
    public const string Setting = FaqRankingOptions.SectionName + ":" + nameof(FaqRankingOptions.ModelPath);

    /// <summary>The model at <paramref name="path"/>, checked against <see cref="FaqFeatureNames.All"/>.</summary>
    /// <exception cref="InvalidOperationException">The file is missing, unreadable, not a model, or has other features.</exception>
    public static FaqRankerModel Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            throw new InvalidOperationException($"{Setting}: the ranking model '{fullPath}' does not exist.");
        try
        {
            // Start-up only, once: synchronous I/O keeps this usable from options validation.
            return FaqRankerModelSerializer.Deserialize(File.ReadAllText(fullPath), FaqFeatureNames.All);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or RankingFeatureMismatchException)
        {
            throw new InvalidOperationException($"{Setting}: the ranking model '{fullPath}' cannot be used. {e.Message}", e);
        }
    }
}
