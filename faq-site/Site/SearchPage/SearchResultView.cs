using Microsoft.AspNetCore.Html;

namespace ConversationHub.Faq.Site.SearchPage;

/// <summary>One result as the search page shows it: canonical link, and question and snippet already marked up.</summary>
internal sealed record SearchResultView(Guid FaqId, string Url, IHtmlContent Question, IHtmlContent Snippet);
