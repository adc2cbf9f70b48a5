namespace ConversationHub.Faq.Site.SearchPage;

/// <summary>A filter on the search page: a field or life event present in the results, with how many it holds.</summary>
internal sealed record CategoryChip(Guid Id, string Name, int Count, bool Selected, string Url);
