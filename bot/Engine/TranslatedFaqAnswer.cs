using ConversationHub.Bot.Resources;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Faq.Search.Misses;
using ConversationHub.Faq.Search.Service;
using ConversationHub.Faq.Site;
using ConversationHub.Faq.Translations;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// Answers a citizen who chose English, Chinese or Korean: first from the FAQ translations in that language (the
/// Japanese ranker cannot read them), then from the Japanese search, with the FAQ's translation when it has one and
/// otherwise the Japanese answer under a note in the citizen's language. Links carry <c>?lang=</c>.
/// </summary>
internal sealed class TranslatedFaqAnswer(
    FaqTranslations translations,
    FaqSearchService search,
    BotActivityWriter writer,
    IStringLocalizer<BotStrings> strings,
    IOptionsMonitor<FaqSiteOptions> site,
    IOptionsMonitor<FaqSearchOptions> searchOptions,
    TimeProvider time)
{
    private const int Top = 4;
    private const int AnswerLength = 200;

    /// <summary>True when it answered; false for a Japanese conversation or a question neither search answers well (the Japanese flow goes on).</summary>
    public async Task<bool> TryAnswerAsync(Conversation conversation, string question, Guid? categoryId, string replyToId, CancellationToken cancellationToken)
    {
        if (FaqLanguages.Normalize(conversation.Language) is not { } language)
        {
            return false;
        }

        var matches = await translations.SearchAsync(language, question, categoryId, Top, cancellationToken);
        if (matches.Count == 0 && categoryId is not null)
        {
            matches = await translations.SearchAsync(language, question, null, Top, cancellationToken);
        }

        if (matches is [var best, ..])
        {
            var text = Compose(null, best.Question, best.AnswerMarkdown, FaqTranslations.PagePath(best.FaqId, best.JapaneseQuestion, language), language);
            await SendAsync(conversation, best.FaqId, text, [.. matches.Skip(1).Select(m => m.Question)], replyToId, cancellationToken);
            return true;
        }

        var results = search.Search(question, FaqAudience.Public, categoryId, Top);
        if (results is not [var top, ..] || top.Score < searchOptions.CurrentValue.LowConfidenceScore
            || await translations.FindAsync(top.FaqId, language, cancellationToken) is not { } faq)
        {
            return false;
        }

        var link = FaqTranslations.PagePath(faq.FaqId, faq.JapaneseQuestion, language);
        var answer = faq.IsTranslated
            ? Compose(null, faq.Question, faq.AnswerMarkdown, link, language)
            : Compose(translations.MissingNote(language), faq.Question, faq.AnswerMarkdown, link, language);
        await SendAsync(conversation, faq.FaqId, answer, [], replyToId, cancellationToken);
        return true;
    }

    private string Compose(string? note, string question, string answerMarkdown, string path, string language)
    {
        var lead = note is null ? "" : note + "\n\n";
        var origin = site.CurrentValue.PublicBaseUrl;
        var url = string.IsNullOrWhiteSpace(origin) ? path : origin.TrimEnd('/') + path;
        var plain = MarkdownText.ToPlainText(answerMarkdown);
        var shortened = plain.Length <= AnswerLength ? plain : string.Concat(plain.AsSpan(0, AnswerLength), "…");
        return $"{lead}**{question}**\n\n{shortened}\n\n[{translations.ReadMore(language)}]({url})";
    }

    private async Task SendAsync(Conversation conversation, Guid faqId, string text, IReadOnlyList<string> related, string replyToId, CancellationToken cancellationToken)
    {
        var choices = related.Select(q => (q, q)).ToList();
        await writer.SendAsync(conversation, BotActivities.Answer(text, replyToId, faqId, choices), cancellationToken);
        writer.Record(new ContactEvent("bot_answered:" + replyToId, ContactEventKind.BotAnswered, ContactChannels.Of(conversation.Channel), time.GetUtcNow().UtcDateTime)
        {
            ConversationId = conversation.Id,
            ProgramId = conversation.ProgramId,
            FaqId = faqId.ToString(),
        });
        IEnumerable<(string, string)> feedback = [(strings["Yes"], strings["Yes"]), (strings["No"], strings["No"]), .. choices];
        await writer.SendAsync(conversation, BotActivities.Message(strings["AskResolved"], replyToId, feedback), cancellationToken);
    }
}
