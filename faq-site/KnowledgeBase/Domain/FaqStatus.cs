namespace ConversationHub.Faq.KnowledgeBase.Domain;

/// <summary>Editorial state of an FAQ. Stored as its name.</summary>
public enum FaqStatus
{
    /// <summary>Being written; never shown.</summary>
    Draft,

    /// <summary>Shown within its publication period.</summary>
    Published,

    /// <summary>Withdrawn; kept for history.</summary>
    Archived,
}
