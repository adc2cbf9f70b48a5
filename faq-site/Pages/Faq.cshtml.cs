using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Resources;
using ConversationHub.Faq.Site;
using ConversationHub.Faq.Site.Analytics;
using ConversationHub.Faq.Site.Feedback;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ConversationHub.Faq.Pages;

/// <summary>One FAQ for citizens: the answer, related information and the 役に立ちましたか feedback form.</summary>
[AllowAnonymous]
internal sealed class FaqModel(
    FaqPageQuery query,
    RecordFaqView recordView,
    SubmitFaqFeedback submitFeedback,
    RecordSiteFeedbackJudgement recordJudgement,
    SearchClickTokens clickTokens,
    Translations.FaqTranslations translations,
    IOptions<FaqSiteOptions> site,
    IStringLocalizer<FaqStrings> strings) : PageModel
{
    private const int DescriptionLength = 120;

    public FaqPageView? Faq { get; private set; }

    /// <summary>The FAQ in the language asked for with <c>?lang=</c> (en, zh, ko), or null for Japanese.</summary>
    public Translations.TranslatedFaq? Translation { get; private set; }

    /// <summary>The languages this FAQ is translated into (the page links to each).</summary>
    public IReadOnlyList<string> TranslatedLanguages { get; private set; } = [];

    /// <summary>The translations' notes and labels in their own languages.</summary>
    public Translations.FaqTranslations Texts => translations;

    public string AnswerHtml { get; private set; } = "";

    public string Description { get; private set; } = "";

    public string CanonicalUrl { get; private set; } = "";

    public string JsonLd { get; private set; } = "";

    public string UpdatedOn { get; private set; } = "";

    /// <summary>Shown after a stored rating (the redirect after the POST carries <c>?feedback=thanks</c>).</summary>
    public bool FeedbackThanks { get; private set; }

    public string? FeedbackError { get; private set; }

    [BindProperty]
    public string? Helpful { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    /// <summary>
    /// The search-result click that led here (<see cref="SearchClickTokens"/>), kept in the form so the rating becomes
    /// a ranker judgement for that search; null when the citizen came another way or the token is not valid.
    /// </summary>
    [BindProperty]
    public string? Click { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? slug, string? feedback, string? click, string? lang, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return Page();
        }

        var language = Translations.FaqLanguages.Normalize(lang);
        if (!string.Equals(slug ?? "", FaqSlug.From(Faq!.Question), StringComparison.Ordinal))
        {
            // The id is the identity; an old or missing slug moves search engines and bookmarks to the current URL.
            return RedirectPermanent(Translations.FaqTranslations.PagePath(id, Faq.Question, language ?? ""));
        }

        TranslatedLanguages = await translations.LanguagesOfAsync(id, cancellationToken);
        Translation = language is null ? null : await translations.FindAsync(id, language, cancellationToken);

        FeedbackThanks = string.Equals(feedback, "thanks", StringComparison.Ordinal);
        Click = clickTokens.TryRead(click, id) is null ? null : click;
        await recordView.ExecuteAsync(HttpContext, id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return Page();
        }

        var outcome = await submitFeedback.ExecuteAsync(id, Helpful, Comment, FaqFeedbackChannel.Site, cancellationToken);
        if (outcome == FeedbackOutcome.Stored)
        {
            await recordJudgement.ExecuteAsync(id, Click, string.Equals(Helpful, "yes", StringComparison.Ordinal), cancellationToken);
            // Post/redirect/get: a reload shows the thanks without sending the rating twice.
            return Redirect(Faq!.CanonicalPath + "?feedback=thanks#feedback");
        }

        FeedbackError = outcome == FeedbackOutcome.CommentTooLong
            ? strings["Feedback_ErrorTooLong", FaqFeedback.MaxCommentLength]
            : strings["Feedback_ErrorChoice"];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Loads the FAQ and what the page derives from it; false (with a 404 status) when citizens may not see it.</summary>
    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Faq = await query.FindAsync(id, cancellationToken);
        if (Faq is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        AnswerHtml = FaqMarkdown.ToHtml(Faq.AnswerMarkdown);
        Description = FaqMarkdown.ToSummary(Faq.AnswerMarkdown, DescriptionLength);
        CanonicalUrl = SiteUrls.Absolute(Request, site.Value, Faq.CanonicalPath);
        JsonLd = FaqJsonLd.For(Faq.Question, AnswerHtml, CanonicalUrl);
        UpdatedOn = JapanDate.Format(Faq.UpdatedAtUtc);
        return true;
    }
}
