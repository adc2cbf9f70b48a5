using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Resources;
using ConversationHub.Faq.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Faq.Translations;

/// <summary>One FAQ as a citizen of <see cref="Language"/> reads it: the translation, or the Japanese when <see cref="IsTranslated"/> is false.</summary>
public sealed record TranslatedFaq(Guid FaqId, string Language, string Question, string AnswerMarkdown, bool IsTranslated, string JapaneseQuestion);

/// <summary>A translated FAQ that matches a citizen's question, best first by <see cref="Score"/> (the share of the question's terms found, 0–1).</summary>
public sealed record TranslatedFaqMatch(Guid FaqId, string Question, string AnswerMarkdown, string JapaneseQuestion, double Score);

/// <summary>
/// FAQ answers in English, Chinese and Korean for the public site and the bot: only what citizens may see in Japanese
/// (published, in period, public, not withheld by an ended program), and the notes shown with them in that language.
/// </summary>
public sealed class FaqTranslations(FaqDbContext db, TimeProvider time, IStringLocalizer<FaqTranslationStrings> strings)
{
    /// <summary>The least share of a question's terms a translation must contain to be offered as its answer.</summary>
    public const double MinScore = 0.5;

    // A term found in the translated question counts fully, one found only in the answer half.
    private const double AnswerOnlyWeight = 0.5;

    /// <summary>The FAQ in <paramref name="language"/> (the Japanese when it has no translation), or null when citizens may not see it.</summary>
    public async Task<TranslatedFaq?> FindAsync(Guid faqId, string language, CancellationToken cancellationToken)
    {
        var lang = FaqLanguages.Normalize(language);
        var faq = await db.Visible(time.GetUtcNow().UtcDateTime).Where(f => f.Id == faqId)
            .Select(f => new { f.Question, f.AnswerMarkdown })
            .FirstOrDefaultAsync(cancellationToken);
        if (faq is null)
        {
            return null;
        }

        var translation = lang is null ? null : await db.Translations.AsNoTracking().FirstOrDefaultAsync(t => t.FaqId == faqId && t.Language == lang, cancellationToken);
        return translation is null
            ? new TranslatedFaq(faqId, lang ?? FaqLanguages.Japanese, faq.Question, faq.AnswerMarkdown, false, faq.Question)
            : new TranslatedFaq(faqId, translation.Language, translation.Question, translation.AnswerMarkdown, true, faq.Question);
    }

    /// <summary>The languages <paramref name="faqId"/> is translated into, in <see cref="FaqLanguages.Translated"/>'s order.</summary>
    public async Task<IReadOnlyList<string>> LanguagesOfAsync(Guid faqId, CancellationToken cancellationToken)
    {
        var languages = await db.Translations.AsNoTracking().Where(t => t.FaqId == faqId).Select(t => t.Language).ToListAsync(cancellationToken);
        return [.. FaqLanguages.Translated.Where(languages.Contains)];
    }

    /// <summary>
    /// The translations into <paramref name="language"/> that share most terms with <paramref name="text"/> (words for
    /// English, character bigrams for Chinese and Korean), within <paramref name="categoryId"/> when given.
    /// </summary>
    public async Task<IReadOnlyList<TranslatedFaqMatch>> SearchAsync(string language, string text, Guid? categoryId, int top, CancellationToken cancellationToken)
    {
        if (FaqLanguages.Normalize(language) is not { } lang || string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var wanted = TranslatedText.Terms(lang, text);
        if (wanted.Count == 0)
        {
            return [];
        }

        // PERF: only program FAQs are translated (tens per language), so the language's translations are read and scored here.
        var visible = db.Visible(time.GetUtcNow().UtcDateTime);
        if (categoryId is { } category)
        {
            visible = visible.Where(f => f.Categories.Any(c => c.Id == category));
        }

        var candidates = await visible
            .Join(db.Translations.Where(t => t.Language == lang), f => f.Id, t => t.FaqId, (f, t) => new { f.Id, JapaneseQuestion = f.Question, t.Question, t.AnswerMarkdown })
            .ToListAsync(cancellationToken);
        // Ties (every term found in several questions) go to the question with the fewest other terms: the closest one.
        return [.. candidates
            .Select(c => (Match: new TranslatedFaqMatch(c.Id, c.Question, c.AnswerMarkdown, c.JapaneseQuestion, Score(wanted, lang, c.Question, c.AnswerMarkdown, out var closeness)), Closeness: closeness))
            .Where(m => m.Match.Score >= MinScore)
            .OrderByDescending(m => m.Match.Score).ThenByDescending(m => m.Closeness).ThenBy(m => m.Match.Question, StringComparer.Ordinal)
            .Take(top)
            .Select(m => m.Match)];
    }

    /// <summary>The public page of the FAQ in <paramref name="language"/> (<c>?lang=</c>); the Japanese page for Japanese.</summary>
    public static string PagePath(Guid faqId, string japaneseQuestion, string language) =>
        FaqSlug.CanonicalPath(faqId, japaneseQuestion) + (FaqLanguages.Normalize(language) is { } lang ? "?lang=" + lang : "");

    /// <summary>What a translated answer says of itself, in its language.</summary>
    public string TranslatedNote(string language) => InLanguage("Note_Translated_", language);

    /// <summary>What a Japanese answer shown for want of a translation says, in the citizen's language.</summary>
    public string MissingNote(string language) => InLanguage("Note_Missing_", language);

    /// <summary>「詳しく見る」 in the citizen's language.</summary>
    public string ReadMore(string language) => InLanguage("ReadMore_", language);

    /// <summary>The heading of the answer in the citizen's language.</summary>
    public string AnswerLabel(string language) => InLanguage("AnswerLabel_", language);

    /// <summary>The language's own name (English, 中文, 한국어).</summary>
    public string NameOf(string language) => InLanguage("Name_", language);

    private string InLanguage(string prefix, string language) => strings[prefix + (FaqLanguages.Normalize(language) ?? "en")];

    // The share of the citizen's terms found; closeness: the share of the translated question's terms the citizen used.
    private static double Score(HashSet<string> wanted, string language, string question, string answerMarkdown, out double closeness)
    {
        var inQuestion = TranslatedText.Terms(language, question);
        var inAnswer = TranslatedText.Terms(language, answerMarkdown);
        var found = wanted.Sum(term => inQuestion.Contains(term) ? 1.0 : inAnswer.Contains(term) ? AnswerOnlyWeight : 0.0);
        closeness = inQuestion.Count == 0 ? 0 : (double)inQuestion.Count(wanted.Contains) / inQuestion.Count;
        return found / wanted.Count;
    }
}
