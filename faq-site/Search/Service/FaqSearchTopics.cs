namespace ConversationHub.Faq.Search.Service;

/// <summary>Hub topics that keep every node's index current.</summary>
public static class FaqSearchTopics
{
    /// <summary>An FAQ was created, edited, published, archived or deleted; payload: its id.</summary>
    public const string FaqChanged = "faq.changed";

    /// <summary>The <see cref="FaqChanged"/> payload of a bulk change (a CSV import): every node rebuilds its whole index once.</summary>
    public const string AllFaqs = "*";
}
