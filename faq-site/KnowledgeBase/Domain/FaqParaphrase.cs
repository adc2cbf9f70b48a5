namespace ConversationHub.Faq.KnowledgeBase.Domain;

/// <summary>Another way citizens ask the same question (言い換え).</summary>
public sealed class FaqParaphrase(string text)
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid FaqId { get; private set; }

    public string Text { get; set; } = text;
}
