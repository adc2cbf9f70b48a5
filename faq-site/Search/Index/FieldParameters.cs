namespace ConversationHub.Faq.Search.Index;

/// <summary>BM25F per-field boost and length normalisation (b: 0 = none, 1 = full).</summary>
internal readonly record struct FieldParameters(float Weight, float B);
