namespace ConversationHub.Faq.Translations;

/// <summary>
/// An FAQ's question and answer in one other language (英語・中国語・韓国語), entered by FAQ editors. The Japanese FAQ
/// stays the original: its status, period and visibility decide whether a translation is shown at all.
/// </summary>
public sealed class FaqTranslation
{
    public const int MaxQuestionLength = 500;
    public const int MaxAnswerLength = 20000;

    public FaqTranslation(Guid faqId, string language, string question, string answerMarkdown)
    {
        FaqId = faqId;
        Language = language;
        Question = question;
        AnswerMarkdown = answerMarkdown;
    }

    public Guid FaqId { get; private set; }

    /// <summary>One of <see cref="FaqLanguages.Translated"/>.</summary>
    public string Language { get; private set; }

    public string Question { get; set; }

    /// <summary>The answer in Markdown, rendered like the Japanese answer.</summary>
    public string AnswerMarkdown { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>The editor who saved it last (the audit log keeps every save).</summary>
    public Guid? UpdatedByUserId { get; set; }
}
