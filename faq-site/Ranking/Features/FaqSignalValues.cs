namespace ConversationHub.Faq.Ranking.Features;

/// <summary>
/// What the platform knows about one (query, FAQ) pair beyond its text. <see cref="Neutral"/> is what a FAQ with
/// no history gets, so a model sees the same values for "no data yet" everywhere.
/// </summary>
/// <param name="CategoryPrior">Share of past queries answered by this FAQ's category, 0 to 1; 0 when unknown.</param>
/// <param name="LogViews">ln(1 + page views).</param>
/// <param name="HelpfulRate">Share of "helpful" votes with a Beta prior (<see cref="HelpfulRateWithPrior"/>).</param>
/// <param name="LogConfirmedQueries">ln(1 + distinct other queries confirmed to this FAQ by an editor or agent).</param>
/// <param name="ConfirmedPair">This very query was confirmed to this FAQ by an editor or agent.</param>
/// <param name="ConfirmedQuerySimilarity">
/// The highest similarity (0 to 1) of this query to another query confirmed to this FAQ: past citizens' wording
/// as extra paraphrases. 0 when none.
/// </param>
/// <param name="ConfirmedQueryVotes">
/// ln(1 + the grade-weighted sum of similarities of this query to the queries confirmed to this FAQ): several
/// close neighbours outvote one.
/// </param>
/// <param name="ConfirmedQueryLead">
/// <paramref name="ConfirmedQuerySimilarity"/> divided by the query's similarity to its nearest confirmed query
/// for any FAQ: 1 when this FAQ holds the nearest neighbour. 0 when none.
/// </param>
/// <param name="ConfirmedQuerySecondSimilarity">The second highest such similarity: two past citizens agree. 0 when fewer.</param>
/// <param name="NearestQueriesGrade">
/// Over the past queries most similar to this one, the similarity-weighted mean grade they were judged to need
/// this FAQ: how much of the neighbourhood agrees on it, whatever the query's own similarity scale. 0 when none.
/// </param>
/// <param name="NearestQueryReciprocalRank">1 / the rank, among those nearest past queries, of the first judged to need this FAQ; 0 when none.</param>
internal readonly record struct FaqSignalValues(
    float CategoryPrior,
    float LogViews,
    float HelpfulRate,
    float LogConfirmedQueries,
    bool ConfirmedPair,
    float ConfirmedQuerySimilarity = 0f,
    float ConfirmedQueryVotes = 0f,
    float ConfirmedQueryLead = 0f,
    float ConfirmedQuerySecondSimilarity = 0f,
    float NearestQueriesGrade = 0f,
    float NearestQueryReciprocalRank = 0f)
{
    // A Beta(2, 2) prior: a FAQ with no votes sits at 0.5, and a handful of votes moves it only part of the way.
    private const float PriorHelpful = 2f;
    private const float PriorNotHelpful = 2f;

    public static FaqSignalValues Neutral { get; } = new(0f, 0f, HelpfulRateWithPrior(0, 0), 0f, false);

    /// <summary>The posterior mean of the helpful rate under a Beta(2, 2) prior.</summary>
    public static float HelpfulRateWithPrior(long helpful, long notHelpful) =>
        (helpful + PriorHelpful) / (helpful + notHelpful + PriorHelpful + PriorNotHelpful);
}
