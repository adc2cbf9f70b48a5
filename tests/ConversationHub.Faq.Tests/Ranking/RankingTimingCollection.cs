namespace ConversationHub.Faq.Tests.Ranking;

/// <summary>Timing tests run alone, after the parallel ones, so other tests do not skew their clocks.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RankingTimingCollection
{
    public const string Name = "Ranking timings";
}
