using System.Text.Json.Serialization;

namespace ConversationHub.Faq.Ranking.Review;

/// <summary>What a row of the review queue is; the two kinds are decided by different use cases. Written by name in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReviewGroupKind>))]
internal enum ReviewGroupKind
{
    /// <summary>Judgements for one (query, FAQ) awaiting a decision: <see cref="DecideCandidates"/>.</summary>
    Candidate,

    /// <summary>Searches for one query that found nothing: <see cref="CreateDraftFromMiss"/> or <see cref="MapMissToFaq"/>.</summary>
    Miss,
}
