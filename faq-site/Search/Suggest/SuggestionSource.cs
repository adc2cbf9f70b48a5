namespace ConversationHub.Faq.Search.Suggest;

/// <summary>A text that may be suggested: an FAQ question (with its id) or a popular past query.</summary>
/// <param name="Popularity">Higher first among equally good matches (views, or times asked).</param>
internal sealed record SuggestionSource(string Text, SuggestionKind Kind, double Popularity, string? FaqId = null);
