namespace ConversationHub.Faq.Ranking.History;

/// <summary>The stored names of <see cref="RankingModelActivationAction"/> (also the API's and the page's keys).</summary>
internal static class RankingModelActivationActions
{
    public static string ToStored(RankingModelActivationAction action) => action switch
    {
        RankingModelActivationAction.Promote => "promote",
        RankingModelActivationAction.Rollback => "rollback",
        RankingModelActivationAction.AutoPromote => "auto_promote",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown activation action."),
    };

    public static RankingModelActivationAction Parse(string stored) => stored switch
    {
        "promote" => RankingModelActivationAction.Promote,
        "rollback" => RankingModelActivationAction.Rollback,
        "auto_promote" => RankingModelActivationAction.AutoPromote,
        _ => throw new InvalidDataException($"Unknown activation action '{stored}' in ranking_model_activations."),
    };
}
