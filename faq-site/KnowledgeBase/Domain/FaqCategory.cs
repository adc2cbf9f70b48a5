namespace ConversationHub.Faq.KnowledgeBase.Domain;

/// <summary>A category on one axis (<see cref="Kind"/>), unique by kind and name.</summary>
public sealed class FaqCategory(FaqCategoryKind kind, string name)
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public FaqCategoryKind Kind { get; private set; } = kind;

    public string Name { get; set; } = name;

    public int SortOrder { get; set; }
}
