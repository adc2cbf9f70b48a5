namespace ConversationHub.Faq.Search.Service;

/// <summary>Hub topics that keep every node's index current.</summary>
public static class FaqSearchTopics
{
    /// <summary>An FAQ was created, edited, published, archived or deleted; payload: its id.</summary>
    public const string FaqChanged = "faq.changed";
}
