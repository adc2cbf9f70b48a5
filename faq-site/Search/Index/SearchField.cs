namespace ConversationHub.Faq.Search.Index;

/// <summary>The FAQ fields scored by BM25F; the values index per-field arrays.</summary>
internal enum SearchField
{
    Question = 0,
    Paraphrase = 1,
    Answer = 2,
    Keywords = 3,
}
