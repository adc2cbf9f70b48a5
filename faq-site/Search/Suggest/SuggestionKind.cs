namespace ConversationHub.Faq.Search.Suggest;

/// <summary>Where a suggestion comes from.</summary>
internal enum SuggestionKind
{
    FaqQuestion,
    PopularQuery,
}
