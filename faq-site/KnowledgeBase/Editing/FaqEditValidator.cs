namespace ConversationHub.Faq.KnowledgeBase.Editing;

/// <summary>Checks an edit before anything is written; messages are Japanese, for the editor's screen.</summary>
internal static class FaqEditValidator
{
    public const int MaxQuestion = 500;
    public const int MaxAnswer = 20000;
    public const int MaxParaphrases = 30;
    public const int MaxCategory = 100;
    public const int MaxLinks = 20;
    public const int MaxLinkTitle = 200;
    public const int MaxUrl = 2000;

    public static Dictionary<string, string[]> Validate(FaqEdit edit)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(edit.Question) || edit.Question.Trim().Length > MaxQuestion)
        {
            errors["question"] = [$"質問は1〜{MaxQuestion}文字で入力してください。"];
        }

        if (string.IsNullOrWhiteSpace(edit.AnswerMarkdown) || edit.AnswerMarkdown.Length > MaxAnswer)
        {
            errors["answerMarkdown"] = [$"回答は1〜{MaxAnswer}文字で入力してください。"];
        }

        var paraphrases = edit.Paraphrases ?? [];
        if (paraphrases.Count > MaxParaphrases || paraphrases.Any(p => string.IsNullOrWhiteSpace(p) || p.Length > MaxQuestion))
        {
            errors["paraphrases"] = [$"言い換えは{MaxParaphrases}件まで、各1〜{MaxQuestion}文字です。"];
        }

        var categories = (edit.LifeEvents ?? []).Concat(edit.Fields ?? []).Concat(edit.Keywords ?? []);
        if (categories.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > MaxCategory))
        {
            errors["categories"] = [$"分類・キーワードは各1〜{MaxCategory}文字です。"];
        }

        var links = edit.RelatedLinks ?? [];
        if (links.Count > MaxLinks || links.Any(l => string.IsNullOrWhiteSpace(l.Title) || l.Title.Trim().Length > MaxLinkTitle))
        {
            errors["relatedLinks"] = [$"関連リンクは{MaxLinks}件まで、表示名は各1〜{MaxLinkTitle}文字です。"];
        }
        else if (links.Any(l => l.Url is null || l.Url.Trim().Length > MaxUrl || !Site.FaqMarkdown.IsAllowedUrl(l.Url.Trim())))
        {
            errors["relatedLinks"] = ["関連リンクのURLは https:// などで始まる正しいURLか、/ で始まるサイト内のパスにしてください。"];
        }

        if (edit.PublishFromUtc is { } from && edit.PublishUntilUtc is { } until && until <= from)
        {
            errors["publishUntilUtc"] = ["公開終了日時は公開開始日時より後にしてください。"];
        }

        return errors;
    }
}
