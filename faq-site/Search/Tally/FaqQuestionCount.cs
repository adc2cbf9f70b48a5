using ConversationHub.Faq.Search.Misses;

namespace ConversationHub.Faq.Search.Tally;

/// <summary>
/// How many questions one channel asked in one hour (UTC) and how many of them got a confident first answer (best
/// score at or above <c>FaqSearch:LowConfidenceScore</c>, the bot's own line between answering and もしかして). Counts
/// only, no text: the editors' chart of the share of confident answers per week reads these rows.
/// </summary>
public sealed class FaqQuestionCount(DateTime hourUtc, SearchChannel channel, int questions, int confident)
{
    public DateTime HourUtc { get; private set; } = hourUtc;

    public SearchChannel Channel { get; private set; } = channel;

    public int Questions { get; private set; } = questions;

    public int Confident { get; private set; } = confident;
}
