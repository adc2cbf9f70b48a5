namespace ConversationHub.Faq.Synonyms;

/// <summary>Hub topic raised when editors save the dictionary; every node reloads it.</summary>
internal static class SynonymTopics
{
    public const string Changed = "faq.synonyms_changed";
}
