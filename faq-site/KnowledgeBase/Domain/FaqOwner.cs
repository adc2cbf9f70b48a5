namespace ConversationHub.Faq.KnowledgeBase.Domain;

/// <summary>A department that owns (answers for) an FAQ.</summary>
public sealed class FaqOwner(Guid departmentId)
{
    public Guid FaqId { get; private set; }

    public Guid DepartmentId { get; private set; } = departmentId;
}
