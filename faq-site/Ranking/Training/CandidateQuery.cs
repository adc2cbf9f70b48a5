using ConversationHub.Faq.Search.Index;

namespace ConversationHub.Faq.Ranking.Training;

/// <summary>
/// One judged query with its first-stage candidates (best first), their features (row-major) and labels
/// (the judged grade, 0 when unjudged). <see cref="Judgements"/> keeps every judgement, including FAQs the first
/// stage missed, so that metrics match <c>faq eval</c>.
/// </summary>
internal sealed record CandidateQuery(
    string Id,
    string FoldedText,
    string[] CandidateIds,
    float[] Features,
    int[] Labels,
    IReadOnlyDictionary<string, int> Judgements)
{
    /// <summary>
    /// The first-stage result the candidates came from, kept so that training can add the candidates and recompute
    /// the features that depend on the signals of each fold (<see cref="FaqRankerTraining.WithSignals"/>).
    /// </summary>
    public FirstStageResult? FirstStage { get; init; }
}
