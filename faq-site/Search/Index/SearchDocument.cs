namespace ConversationHub.Faq.Search.Index;

/// <summary>What the search index needs from one FAQ.</summary>
internal sealed record SearchDocument(string Id, string Question, string Answer)
{
    /// <summary>Other ways citizens ask the same question; each is indexed in the paraphrase field.</summary>
    public IReadOnlyList<string> Paraphrases { get; init; } = [];

    /// <summary>Category names and editor keywords.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
}
