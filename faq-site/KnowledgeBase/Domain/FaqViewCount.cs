namespace ConversationHub.Faq.KnowledgeBase.Domain;

/// <summary>How many times an FAQ page was viewed on one day (Japan time), for the access ranking.</summary>
public sealed class FaqViewCount(Guid faqId, DateOnly day, int count)
{
    public Guid FaqId { get; private set; } = faqId;

    public DateOnly Day { get; private set; } = day;

    public int Count { get; private set; } = count;
}
