using ConversationHub.Faq.Editor;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Translations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Pages.Console.Faq;

/// <summary>
/// An FAQ's translations (英語・中国語・韓国語), one form per language beside the Japanese original. FAQ editors and
/// administrators only: what the public site says in other languages is theirs to answer for, as publishing is.
/// </summary>
[Authorize(Roles = FaqEditorRoles.EditorsAndAdministrators)]
internal sealed class TranslationsModel(FaqDbContext db, SaveFaqTranslation save) : PageModel
{
    public Guid FaqId { get; private set; }

    public string Question { get; private set; } = "";

    public string AnswerMarkdown { get; private set; } = "";

    /// <summary>Each language's current (or, after a refused save, submitted) texts and when it was last saved.</summary>
    public IReadOnlyList<LanguageForm> Languages { get; private set; } = [];

    /// <summary>The language the errors belong to (the one submitted).</summary>
    public string? SubmittedLanguage { get; private set; }

    public FormErrors Errors { get; private set; } = new(new Dictionary<string, string>());

    /// <summary>After a redirect: <c>saved</c>, <c>removed</c> or <c>unchanged</c>, with <see cref="DoneLanguage"/>.</summary>
    public string? Done { get; private set; }

    public string? DoneLanguage { get; private set; }

    [BindProperty]
    public FaqTranslationEdit? Form { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, string? lang, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, null, cancellationToken))
        {
            return NotFound();
        }

        Done = done is "saved" or "removed" or "unchanged" ? done : null;
        DoneLanguage = FaqLanguages.Normalize(lang);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var edit = Form ?? new FaqTranslationEdit(null, null, null);
        var before = await db.Translations.AsNoTracking().AnyAsync(t => t.FaqId == id && t.Language == edit.Language, cancellationToken);
        var editor = new FaqTranslationEditor(StaffUser.IdOf(User), User.Identity?.Name, HttpContext.Connection.RemoteIpAddress?.ToString());
        var result = await save.ExecuteAsync(id, edit, editor, cancellationToken);
        if (!result.FaqFound)
        {
            return NotFound();
        }

        var language = FaqLanguages.Normalize(edit.Language);
        if (result.Succeeded)
        {
            var emptied = string.IsNullOrWhiteSpace(edit.Question) && string.IsNullOrWhiteSpace(edit.AnswerMarkdown);
            var done = emptied ? (before ? "removed" : "unchanged") : "saved";
            return Redirect($"/console/faq/{id}/translations?done={done}&lang={language}#lang-{language}");
        }

        SubmittedLanguage = language ?? FaqLanguages.Translated[0];
        Errors = new FormErrors(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["language"] = "q-" + SubmittedLanguage,
            ["question"] = "q-" + SubmittedLanguage,
            ["answer"] = "a-" + SubmittedLanguage,
        });
        Errors.AddRange(result.Errors);
        await LoadAsync(id, language is null ? null : edit, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, FaqTranslationEdit? submitted, CancellationToken cancellationToken)
    {
        var faq = await db.Faqs.AsNoTracking().Where(f => f.Id == id).Select(f => new { f.Question, f.AnswerMarkdown }).FirstOrDefaultAsync(cancellationToken);
        if (faq is null)
        {
            return false;
        }

        (FaqId, Question, AnswerMarkdown) = (id, faq.Question, faq.AnswerMarkdown);
        var saved = await db.Translations.AsNoTracking().Where(t => t.FaqId == id).ToListAsync(cancellationToken);
        Languages = [.. FaqLanguages.Translated.Select(lang =>
        {
            var stored = saved.FirstOrDefault(t => t.Language == lang);
            return FaqLanguages.Normalize(submitted?.Language) == lang
                ? new LanguageForm(lang, submitted!.Question ?? "", submitted.AnswerMarkdown ?? "", stored?.UpdatedAtUtc)
                : new LanguageForm(lang, stored?.Question ?? "", stored?.AnswerMarkdown ?? "", stored?.UpdatedAtUtc);
        })];
        return true;
    }

    /// <summary>One language's form.</summary>
    public sealed record LanguageForm(string Language, string Question, string AnswerMarkdown, DateTime? UpdatedAtUtc);
}
