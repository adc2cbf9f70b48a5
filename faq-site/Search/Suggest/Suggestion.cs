namespace ConversationHub.Faq.Search.Suggest;

/// <summary>One suggestion shown as the citizen types.</summary>
internal sealed record Suggestion(string Text, SuggestionKind Kind, string? FaqId);
