namespace ConversationHub.Faq.KnowledgeBase.Domain;

/// <summary>Who may see an FAQ. Stored as its name.</summary>
public enum FaqVisibility
{
    /// <summary>Everyone: citizens on the site, in chat, on LINE and by phone.</summary>
    Public,

    /// <summary>Contact-center staff only.</summary>
    Center,

    /// <summary>City staff only.</summary>
    Staff,
}
