namespace ConversationHub.Faq.Search.Index;

/// <summary>
/// Groups of words and phrases that mean the same to citizens (マイナンバーカード = 個人番号カード), edited by FAQ
/// editors and applied when a query is run, so that an edit takes effect without rebuilding the index.
/// </summary>
internal interface ISynonymDictionary
{
    /// <summary>Changes whenever the groups change; callers cache what they derive from the groups per version.</summary>
    long Version { get; }

    /// <summary>The current groups; every member of a group stands for every other member.</summary>
    IReadOnlyList<IReadOnlyList<string>> Groups { get; }
}
